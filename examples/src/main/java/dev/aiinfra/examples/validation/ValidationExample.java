package dev.aiinfra.examples.validation;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.validation.ObjectValidation;
import dev.aiinfra.core.render.validation.ObjectValidator;
import dev.aiinfra.dra.read.DraRules;
import dev.aiinfra.scheduling.read.SchedulingRules;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodDNSConfigOptionBuilder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod the API server would refuse, checked offline with the same field rules ({@code ai-infra
 * validate}): an invalid name, four nameservers where three are allowed, one of them not an IP
 * address, and a DNS option without a name. Every violation is reported at once, at its field
 * path. {@code ai-infra render validation-broken-pod} prints the pod, ready to pipe into {@code
 * ai-infra validate -f -}.
 */
public final class ValidationExample {
  private ValidationExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** The validator with every module's rules: core objects, DRA and scheduling. */
  public static ObjectValidator validator() {
    return ObjectValidator.core().with(DraRules.all()).with(SchedulingRules.all());
  }

  /** The broken pod. */
  public static ManifestBundle manifests() {
    return ManifestBundle.of(new PodBuilder()
        .withNewMetadata().withName("Bad_Name").endMetadata()
        .withNewSpec().withDnsPolicy("None")
        .withNewDnsConfig().withNameservers("1.1.1.1", "8.8.8.8", "9.9.9.9", "not-an-ip")
        .withOptions(new PodDNSConfigOptionBuilder().withValue("2").build()).endDnsConfig()
        .addNewContainer().withName("main").withImage("busybox").endContainer()
        .endSpec().build());
  }

  /** Every violation of every object, as {@code field: rule}. */
  public static List<String> findings() {
    List<String> out = new ArrayList<>();
    for (ObjectValidation v : validator().validateAll(manifests().objects())) {
      for (FieldViolation fv : v.violations()) {
        out.add(fv.toString());
      }
    }
    return out;
  }

  static List<String> run(PrintStream out) {
    out.print(manifests().toYaml());
    out.println();
    List<String> findings = findings();
    findings.forEach(f -> out.println("# " + f));
    return findings;
  }
}
