package dev.aiinfra.serving.model.pd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 15 #8: the shipped catalog is reached from the model type, without a reader. */
class PdCatalogTest {
  @Test
  void the_builtin_catalog_holds_ai_configurators_systems_and_the_domain_models() {
    PdCatalog c = PdCatalog.builtin();

    assertThat(c.gpuIds()).containsExactly("h100_sxm", "h200_sxm", "b200_sxm", "a100_sxm", "l40s");
    assertThat(c.modelIds()).containsExactly("Qwen/Qwen3-32B", "Qwen/Qwen3-8B", "meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.1-70B",
        "deepseek-ai/DeepSeek-V3", "Qwen/Qwen3-235B-A22B");
    assertThat(c.gpus()).allSatisfy(g -> assertThat(g.sources()).isNotEmpty());
    assertThat(c.models()).allSatisfy(m -> assertThat(m.sources()).isNotEmpty());
  }

  @Test
  void the_builtin_catalog_is_one_shared_value() {
    assertThat(PdCatalog.builtin()).isSameAs(PdCatalog.builtin());
  }
}
