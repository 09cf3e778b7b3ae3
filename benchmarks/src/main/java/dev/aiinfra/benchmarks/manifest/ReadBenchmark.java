package dev.aiinfra.benchmarks.manifest;

import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.read.SourcedObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading large and hostile YAML (issue 14): one Pod whose annotation is a single scalar of
 * {@code scalarMiB} MiB on one line, a 9 MiB document refused by the default 8 Mi-character
 * limit, and 20,000 Pods of about 200 bytes in one multi-document stream. Each benchmark reads
 * text already in memory, so the figure is the YAML reader, not the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ReadBenchmark {
  private String nineMiB;
  private String pods;
  private final ManifestReader reader = ManifestReader.withDefaults();

  /** One Pod with a one-line scalar; 8 MiB is read with the per-document limit raised to 16 Mi. */
  @State(Scope.Benchmark)
  public static class LongScalar {
    @Param({"1", "4", "8"})
    public int scalarMiB;

    String text;
    final ManifestReader reader = ManifestReader.with(ReadLimits.defaults().withMaxDocumentChars(16 << 20));

    @Setup(Level.Trial)
    public void setUp() {
      text = podWithAnnotation(scalarMiB << 20);
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    nineMiB = podWithAnnotation(9 << 20);
    pods = pods(20_000);
  }

  static String podWithAnnotation(int chars) {
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  annotations:\n    blob: " + "a".repeat(chars)
        + "\nspec:\n  containers:\n  - name: c\n    image: busybox\n";
  }

  /** 199 bytes each: a name, a label, one container with a GPU limit. */
  static String pods(int count) {
    StringBuilder s = new StringBuilder(count * 200);
    for (int i = 0; i < count; i++) {
      s.append("---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: worker-").append(String.format("%05d", i))
          .append("\n  labels: {app: trainer}\nspec:\n  containers:\n  - name: trainer\n")
          .append("    image: example/trainer:2.1\n    resources: {limits: {nvidia.com/gpu: 1}}\n");
    }
    return s.toString();
  }

  @Benchmark
  public List<SourcedObject> readLongScalar(LongScalar in) {
    return in.reader.readString("long.yaml", in.text);
  }

  @Benchmark
  public String refuseNineMiBDocument() {
    try {
      reader.readString("big.yaml", nineMiB);
      throw new IllegalStateException("a 9 MiB document must be refused");
    } catch (ManifestReadException e) {
      return e.getMessage();
    }
  }

  @Benchmark
  public List<SourcedObject> read20000Pods() {
    return reader.readString("pods.yaml", pods);
  }
}
