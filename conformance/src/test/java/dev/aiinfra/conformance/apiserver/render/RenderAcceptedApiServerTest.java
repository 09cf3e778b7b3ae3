package dev.aiinfra.conformance.apiserver.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.conformance.apiserver.ApiServer;
import dev.aiinfra.conformance.apiserver.ApiServerSummary;
import dev.aiinfra.conformance.apiserver.RealApiServer;
import dev.aiinfra.conformance.apiserver.ServerApply;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * server-side apply with {@code dryRun=All} and {@code fieldValidation=Strict}, with the CRDs'
 * schemas and CEL rules and the admission plugins in force, and must come back with no error and no
 * warning.
 *
 * <p>Objects go in the bundle's apply order, and each accepted one is then applied for real until
 * the scenario ends, as {@code ai-infra apply} would leave it: admission checks references (a
 * PodGroup's Workload must exist). A version newer than the server is skipped (the server cannot
 * judge it); an object whose API the server does not serve fails at the server's own version, and
 * makes a scenario of an older version reported rather than judged; a combination the SDK itself refuses to render (an
 * {@link InvalidSpecException} naming why) is reported, as there is nothing to send.
 */
@RealApiServer
class RenderAcceptedApiServerTest {
  private static final AtomicInteger OBJECTS = new AtomicInteger();
  private static final AtomicInteger ACCEPTED = new AtomicInteger();
  private static final AtomicInteger WARNINGS = new AtomicInteger();
  private static final AtomicInteger WANTED_WARNINGS = new AtomicInteger();
  private static final AtomicInteger SCENARIOS = new AtomicInteger();
  private static final AtomicInteger REFUSED_AS_MEANT = new AtomicInteger();
  private static final List<String> NOT_SERVED = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> SKIPPED = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> REFUSED_BY_SDK = Collections.synchronizedList(new ArrayList<>());
  private static volatile String serverVersion = "?";

  @TestFactory
  Stream<DynamicTest> every_rendered_object_is_accepted_with_strict_field_validation_and_no_warning(ApiServer server) {
    serverVersion = server.version();
    int serverMinor = minorOf(server.version());
    ServerApply apply = new ServerApply(server.client(), "ai-infra-render-test");
    return RenderScenarios.all().stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
      if (s.minor().isPresent() && s.minor().get() > serverMinor) {
        SKIPPED.add(s.toString());
        Assumptions.abort("Kubernetes 1." + s.minor().get() + " is newer than the server " + server.version());
      }
      ManifestBundle bundle;
      try {
        bundle = s.objects().get();
      } catch (InvalidSpecException e) {
        REFUSED_BY_SDK.add(s + " (" + e.getMessage().lines().reduce((a, b) -> b).orElse("").trim() + ")");
        Assumptions.abort("the SDK refuses to render it: " + e.getMessage());
        return;
      }
      if (s.minor().isPresent() && s.minor().get() < serverMinor) {
        List<String> gone = bundle.objects().stream().filter(o -> apply.resourceFor(o).isEmpty())
            .map(o -> o.getApiVersion() + " " + o.getKind()).distinct().toList();
        if (!gone.isEmpty()) {
          // e.g. 1.35's scheduling.k8s.io/v1alpha1 Workload and the Pod field that pointed at it:
          // a 1.36 server can judge neither, so the scenario is reported rather than judged.
          NOT_SERVED.add(s + ": " + String.join(", ", gone));
          Assumptions.abort("needs APIs the server " + server.version() + " no longer serves: " + gone);
        }
      }
      SCENARIOS.incrementAndGet();
      List<String> problems = check(s, bundle, serverMinor, server, apply);
      assertThat(problems).as("objects of %s the server refused or warned about", s).isEmpty();
    }));
  }

  private static List<String> check(RenderScenario s, ManifestBundle bundle, int serverMinor, ApiServer server, ServerApply apply) {
    List<String> problems = new ArrayList<>();
    List<Map.Entry<HasMetadata, APIResource>> stored = new ArrayList<>();
    try {
      for (HasMetadata o : bundle.objects()) {
        String id = o.getApiVersion() + " " + o.getKind() + " "
            + Optional.ofNullable(o.getMetadata().getNamespace()).map(n -> n + "/").orElse("") + o.getMetadata().getName();
        Optional<APIResource> resource = apply.resourceFor(o);
        if (resource.isEmpty()) {
          problems.add(id + ": the server does not serve " + o.getApiVersion() + " " + o.getKind());
          continue;
        }
        if (Boolean.TRUE.equals(resource.get().getNamespaced()) && o.getMetadata().getNamespace() != null) {
          server.ensureNamespace(o.getMetadata().getNamespace());
        }
        ServerApply.Verdict v = apply.dryRun(o, resource.get());
        if (s.meantToBeRefused()) {
          if (v.accepted()) {
            problems.add(id + ": meant to be refused, but the server accepted it");
          } else {
            REFUSED_AS_MEANT.incrementAndGet();
          }
          continue;
        }
        OBJECTS.incrementAndGet();
        List<String> unwanted = v.warnings().stream().filter(w -> !s.wanted(w)).toList();
        WANTED_WARNINGS.addAndGet(v.warnings().size() - unwanted.size());
        if (!v.accepted()) {
          problems.add(id + ": HTTP " + v.status() + ": " + v.message());
        } else if (!unwanted.isEmpty()) {
          WARNINGS.addAndGet(unwanted.size());
          problems.add(id + ": accepted with warnings: " + String.join(" | ", unwanted));
        } else {
          ACCEPTED.incrementAndGet();
          ServerApply.Verdict real = apply.apply(o, resource.get());
          if (real.accepted()) {
            // Namespaces stay: no namespace controller runs here to finish deleting one.
            if (!o.getKind().equals("Namespace")) {
              stored.add(Map.entry(o, resource.get()));
            }
          } else {
            problems.add(id + ": accepted by the dry run, but the real apply failed: HTTP " + real.status() + ": " + real.message());
          }
        }
      }
    } finally {
      Collections.reverse(stored);
      for (Map.Entry<HasMetadata, APIResource> e : stored) {
        ServerApply.Verdict d = apply.delete(e.getKey(), e.getValue());
        if (!d.accepted()) {
          problems.add("cleaning up " + e.getKey().getKind() + " " + e.getKey().getMetadata().getName() + ": HTTP " + d.status() + ": " + d.message());
        }
      }
    }
    return problems;
  }

  @AfterAll
  static void summary() {
    if (SCENARIOS.get() == 0) {
      return;
    }
    StringBuilder line = new StringBuilder(String.format(
        "RENDER-ACCEPTED: %d/%d objects accepted, %d warnings, %d scenarios (server %s, dryRun=All, fieldValidation=Strict)",
        ACCEPTED.get(), OBJECTS.get(), WARNINGS.get(), SCENARIOS.get(), serverVersion));
    if (REFUSED_AS_MEANT.get() > 0) {
      line.append("; ").append(REFUSED_AS_MEANT.get()).append(" object of the validation example refused, as it is meant to be");
    }
    if (WANTED_WARNINGS.get() > 0) {
      line.append("; ").append(WANTED_WARNINGS.get()).append(" deprecation warnings for v1alpha1 Agent Sandbox asked for by name");
    }
    if (!REFUSED_BY_SDK.isEmpty()) {
      line.append("; ").append(REFUSED_BY_SDK.size()).append(" combinations the SDK refuses to render: ").append(REFUSED_BY_SDK);
    }
    if (!NOT_SERVED.isEmpty()) {
      line.append("; ").append(NOT_SERVED.size()).append(" older-version scenarios not judged (APIs the server no longer serves): ").append(NOT_SERVED);
    }
    if (!SKIPPED.isEmpty()) {
      line.append("; ").append(SKIPPED.size()).append(" scenarios newer than the server skipped");
    }
    ApiServerSummary.append(line.toString());
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
