package dev.aiinfra.benchmarks.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.model.pss.PodSecurityView;
import dev.aiinfra.sandbox.policy.pss.PodSecurity;
import dev.aiinfra.sandbox.render.pss.ObjectReview;
import dev.aiinfra.sandbox.render.pss.PodSecurityReviews;
import dev.aiinfra.sandbox.policy.pss.PodSecurityGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pod Security checks over 10,000 pod templates: the pure policy on prepared views, and the whole
 * review (read each Deployment's template from its JSON tree, check baseline and restricted).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class PodSecurityBenchmark {
  private static final ObjectMapper JSON = Json.mapper();
  private final PodSecurityVersion latest = PodSecurityVersion.latest();
  private List<PodSecurityView> views;
  private List<ObjectNode> deployments;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(11);
    views = new ArrayList<>();
    deployments = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      PodSecurityView v = PodSecurityGenerators.pods().next(r);
      views.add(v);
      deployments.add(deployment("d" + i, v));
    }
  }

  /** A Deployment whose template carries the view's fields, so both benchmarks see the same pods. */
  private static ObjectNode deployment(String name, PodSecurityView v) {
    ObjectNode d = JSON.createObjectNode().put("apiVersion", "apps/v1").put("kind", "Deployment");
    d.putObject("metadata").put("name", name).put("namespace", "bench");
    ObjectNode spec = d.putObject("spec").putObject("template").putObject("spec");
    v.hostUsers().ifPresent(h -> spec.put("hostUsers", h));
    spec.put("hostNetwork", v.hostNetwork());
    v.osName().ifPresent(o -> spec.putObject("os").put("name", o));
    ObjectNode sc = spec.putObject("securityContext");
    v.runAsNonRoot().ifPresent(b -> sc.put("runAsNonRoot", b));
    v.runAsUser().ifPresent(u -> sc.put("runAsUser", u));
    v.seccompProfileType().ifPresent(t -> sc.putObject("seccompProfile").put("type", t));
    v.sysctls().forEach(s -> sc.withArray("sysctls").addObject().put("name", s).put("value", "1"));
    v.volumes().forEach(vol -> {
      ObjectNode n = spec.withArray("volumes").addObject().put("name", vol.name());
      vol.sources().forEach(src -> n.putObject(src));
    });
    for (ContainerSecurityView c : v.containers()) {
      String list = switch (c.kind()) {
        case INIT -> "initContainers";
        case REGULAR -> "containers";
        case EPHEMERAL -> "ephemeralContainers";
      };
      ObjectNode cn = spec.withArray(list).addObject().put("name", c.name()).put("image", "app:1");
      ObjectNode csc = cn.putObject("securityContext");
      c.privileged().ifPresent(b -> csc.put("privileged", b));
      c.allowPrivilegeEscalation().ifPresent(b -> csc.put("allowPrivilegeEscalation", b));
      c.runAsNonRoot().ifPresent(b -> csc.put("runAsNonRoot", b));
      c.runAsUser().ifPresent(u -> csc.put("runAsUser", u));
      c.seccompProfileType().ifPresent(t -> csc.putObject("seccompProfile").put("type", t));
      c.procMount().ifPresent(p -> csc.put("procMount", p));
      c.capabilitiesDrop().forEach(x -> csc.with("capabilities").withArray("drop").add(x));
      c.capabilitiesAdd().forEach(x -> csc.with("capabilities").withArray("add").add(x));
      c.hostPorts().forEach(p -> cn.withArray("ports").addObject().put("containerPort", 80).put("hostPort", p));
    }
    return d;
  }

  @Benchmark
  public int checkBothLevelsFor10000PodViews() {
    int allowed = 0;
    for (PodSecurityView v : views) {
      allowed += PodSecurity.evaluate(v, PodSecurityLevel.BASELINE, latest).allowed() ? 1 : 0;
      allowed += PodSecurity.evaluate(v, PodSecurityLevel.RESTRICTED, latest).allowed() ? 1 : 0;
    }
    return allowed;
  }

  @Benchmark
  public List<ObjectReview> reviewFor10000DeploymentTemplates() {
    List<ObjectReview> out = new ArrayList<>(deployments.size());
    for (ObjectNode d : deployments) {
      out.add(PodSecurityReviews.review(d, latest));
    }
    return out;
  }
}
