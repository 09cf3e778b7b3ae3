package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Found by the fuzz corpus once {@code render validation-broken-pod} became a seed: exit 2 must name the file. */
class DnsTuneInvalidInputTest {
  @TempDir Path dir;

  @Test
  void an_invalid_dns_config_is_refused_at_its_file_document_and_field() throws IOException {
    Path pods = dir.resolve("pods.yaml");
    Files.writeString(pods, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n  - name: c\n    image: x\n"
        + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  dnsPolicy: None\n  dnsConfig:\n    nameservers: [not-an-ip]\n"
        + "  containers:\n  - name: c\n    image: x\n");
    CliRun r = CliRun.run("dns", "tune", "--cluster-dns", "10.96.0.10", "--lookup", "api.example.com", "-f", pods.toString());
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains(pods + ": document 1: Pod web: spec.dnsConfig.nameservers[0]: Invalid value: \"not-an-ip\"");
  }
}
