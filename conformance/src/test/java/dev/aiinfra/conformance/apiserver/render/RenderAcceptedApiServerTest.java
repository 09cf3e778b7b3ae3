package dev.aiinfra.conformance.apiserver.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.conformance.apiserver.ApiServer;
import dev.aiinfra.conformance.apiserver.ApiServerSummary;
import dev.aiinfra.conformance.apiserver.DryRunApply;
import dev.aiinfra.conformance.apiserver.RealApiServer;
import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Everything the SDK renders is accepted by a real kube-apiserver: every scenario of {@link
 * RenderScenarios} (the render examples, serve render's styles × GPU attachments × backends, the
 * gang and sandbox renderings at each supported Kubernetes version the server serves) goes through
 * server-side apply with {@code dryRun=All} and {@code fieldValidation=Strict}, with the CRDs' own
 * schemas and CEL rules in force, and must come back with no error and no warning. A version newer
 * than the server is skipped (the server cannot judge it); an object whose API the server does not
 * serve is a failure at the server's own version and reported (not judged) at an older one.
 */
@RealApiServer
class RenderAcceptedApiServerTest {
  private static final AtomicInteger OBJECTS = new AtomicInteger();
  private static final AtomicInteger ACCEPTED = new AtomicInteger();
  private static final AtomicInteger WARNINGS = new AtomicInteger();
  private static final AtomicInteger SCENARIOS = new AtomicInteger();
  private static final List<String> NOT_SERVED = new ArrayList<>();
  private static final List<String> SKIPPED = new ArrayList<>();
  private static volatile String serverVersion = "?";

  @TestFactory
  Stream<DynamicTest> every_rendered_object_is_accepted_with_strict_field_validation_and_no_warning(ApiServer server) {
    serverVersion = server.version();
    int serverMinor = minorOf(server.version());
    DryRunApply dryRun = new DryRunApply(server.client(), "ai-infra-render-test");
    return RenderScenarios.all().stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
      if (s.minor().isPresent() && s.minor().get() > serverMinor) {
        SKIPPED.add(s + ": newer than the server");
        Assumptions.abort("Kubernetes 1." + s.minor().get() + " is newer than the server " + server.version());
      }
      SCENARIOS.incrementAndGet();
      ManifestBundle bundle = s.objects().get();
      List<String> problems = new ArrayList<>();
      for (HasMetadata o : bundle.objects()) {
        String id = o.getApiVersion() + " " + o.getKind() + " " + Optional.ofNullable(o.getMetadata().getNamespace()).map(n -> n + "/").orElse("")
            + o.getMetadata().getName();
        Optional<APIResource> resource = dryRun.resourceFor(o);
        if (resource.isEmpty()) {
          if (s.minor().isPresent() && s.minor().get() < serverMinor) {
            synchronized (NOT_SERVED) {
              NOT_SERVED.add(s + ": " + id);
            }
          } else {
            problems.add(id + ": the server does not serve " + o.getApiVersion() + " " + o.getKind());
          }
          continue;
        }
        if (Boolean.TRUE.equals(resource.get().getNamespaced()) && o.getMetadata().getNamespace() != null) {
          server.ensureNamespace(o.getMetadata().getNamespace());
        }
        OBJECTS.incrementAndGet();
        DryRunApply.Verdict v = dryRun.apply(o, resource.get());
        if (s.meantToBeRefused()) {
          if (v.accepted()) {
            problems.add(id + ": meant to be refused, but the server accepted it");
          } else {
            ACCEPTED.incrementAndGet(); // the server agrees with the example: counted as the expected answer
          }
          continue;
        }
        if (!v.accepted()) {
          problems.add(id + ": HTTP " + v.status() + ": " + v.message());
        } else if (!v.warnings().isEmpty()) {
          WARNINGS.addAndGet(v.warnings().size());
          problems.add(id + ": accepted with warnings: " + String.join(" | ", v.warnings()));
        } else {
          ACCEPTED.incrementAndGet();
        }
      }
      assertThat(problems).as("objects of %s the server refused or warned about", s).isEmpty();
    }));
  }

  @AfterAll
  static void summary() {
    if (SCENARIOS.get() == 0) {
      return;
    }
    ApiServerSummary.append(String.format(
        "RENDER-ACCEPTED: %d/%d objects accepted, %d warnings, %d scenarios (server %s)%s%s",
        ACCEPTED.get(), OBJECTS.get(), WARNINGS.get(), SCENARIOS.get(), serverVersion,
        NOT_SERVED.isEmpty() ? "" : "; " + NOT_SERVED.size() + " objects of older versions not served: " + NOT_SERVED,
        SKIPPED.isEmpty() ? "" : "; skipped: " + SKIPPED));
  }

  private static int minorOf(String gitVersion) {
    Matcher m = Pattern.compile("^v?1\\.(\\d+)").matcher(gitVersion);
    if (!m.find()) {
      throw new IllegalStateException("cannot read the minor version of the server's " + gitVersion
          + " (build the control plane with conformance/cluster/build, which stamps the release)");
    }
    return Integer.parseInt(m.group(1));
  }
}
