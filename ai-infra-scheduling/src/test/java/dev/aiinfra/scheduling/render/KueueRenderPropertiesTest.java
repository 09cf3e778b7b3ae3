package dev.aiinfra.scheduling.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.scheduling.model.kueue.KueueGenerators;
import dev.aiinfra.scheduling.read.KueueReader;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated queue set renders to schema-valid, deterministic YAML that reads back to the same values. */
class KueueRenderPropertiesTest {
  static LongStream seeds() {
    return Seeds.of(3);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_rendered_queue_set_reads_back_to_itself(long seed) {
    Property.forAll(seed, KueueGenerators.queueSets(), 40, set -> {
      String yaml = KueueRenderer.bundle(set).toYaml();
      assertThat(KueueReader.readString("set.yaml", yaml)).isEqualTo(set);
      assertThat(KueueRenderer.bundle(set).toYaml()).isEqualTo(yaml);
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void every_rendered_object_matches_its_crd_schema(long seed) {
    Property.forAll(seed, KueueGenerators.queueSets(), 12, set -> {
      ManifestBundle b = KueueRenderer.bundle(set);
      for (HasMetadata o : b.objects()) {
        assertThat(SharedData.crds().validate(o)).as(o.getKind() + " " + o.getMetadata().getName()).isEmpty();
      }
    });
  }
}
