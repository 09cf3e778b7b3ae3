package dev.aiinfra.benchmarks.manifest;

import dev.aiinfra.benchmarks.baseline.Fabric8Serializer;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.ManifestWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
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
 * Render a 10,000-object bundle (pods with labels, resources and a volume) to YAML and to JSON, side
 * by side with fabric8's own serializer on the same objects, and the YAML path's stages on their own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RenderBenchmark {
  private ManifestBundle bundle;

  @Setup
  public void setUp() {
    List<HasMetadata> pods = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      pods.add(new PodBuilder()
          .withNewMetadata().withName("worker-" + i).withNamespace("ml").addToLabels("app", "trainer").addToLabels("index", Integer.toString(i)).endMetadata()
          .withNewSpec()
          .addNewContainer().withName("trainer").withImage("ghcr.io/example/trainer:2.1")
          .withCommand("torchrun", "--nproc-per-node=8", "train.py")
          .withNewResources().addToLimits("nvidia.com/gpu", new Quantity("8")).addToRequests("cpu", new Quantity("32")).addToRequests("memory", new Quantity("256Gi")).endResources()
          .endContainer()
          .addNewVolume().withName("shm").withNewEmptyDir().withMedium("Memory").endEmptyDir().endVolume()
          .endSpec().build());
    }
    bundle = ManifestBundle.of(pods);
  }

  @Benchmark
  public String renderYaml() {
    return bundle.toYaml();
  }

  @Benchmark
  public String renderJson() {
    return bundle.toJson();
  }

  /** fabric8's {@code Serialization.asYaml} per object, documents joined as a bundle would be. */
  @Benchmark
  public String fabric8Yaml() {
    return Fabric8Serializer.yaml(bundle.objects());
  }

  /** Stage 1 of both paths: object to canonical tree (Jackson valueToTree, key order, no nulls). */
  @Benchmark
  public int canonicalTrees() {
    int n = 0;
    for (HasMetadata o : bundle.objects()) {
      n += ManifestWriter.canonical(o).size();
    }
    return n;
  }
}
