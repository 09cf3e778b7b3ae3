package dev.aiinfra.serving.model.pd;

/**
 * The catalog shipped with ai-infra ({@link PdCatalog#builtin()}): the GPUs of AIConfigurator's
 * systems and the models of the domain notes, each with its sources. GPU figures are dense tensor
 * FLOP/s, bytes and bytes/s per direction, as AIConfigurator's system YAMLs give them; models are
 * read from each {@code config.json}. A catalog file for {@code --catalog} uses the same field
 * names (see {@code CatalogReader}).
 */
final class BuiltinPdCatalog {
  static final PdCatalog CATALOG = PdCatalog.builder()
        .addGpus(GpuSpec.builder().id("h100_sxm").name("NVIDIA H100 SXM5 80GB")
            .bf16FlopsPerSecond(9.89e14)
            .fp8FlopsPerSecond(1.978e15)
            .memoryBytes(85_899_345_920L)
            .memoryBytesPerSecond(3.35e12)
            .interconnectBytesPerSecond(4.5e11)
            .networkBytesPerSecond(5e10)
            .gpusPerNode(8)
            .reservedBytes(3_758_096_384L)
            .addSources("NVIDIA H100 Tensor Core GPU datasheet (dense = half the 'with sparsity' figures)",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/systems/h100_sxm.yaml")
            .build())
        .addGpus(GpuSpec.builder().id("h200_sxm").name("NVIDIA H200 SXM 141GB")
            .bf16FlopsPerSecond(9.89e14)
            .fp8FlopsPerSecond(1.978e15)
            .memoryBytes(151_397_597_184L)
            .memoryBytesPerSecond(4.8e12)
            .interconnectBytesPerSecond(4.5e11)
            .networkBytesPerSecond(5e10)
            .gpusPerNode(8)
            .reservedBytes(3_758_096_384L)
            .addSources("https://www.nvidia.com/en-us/data-center/h200/ (141 GB HBM3e, 4.8 TB/s, 900 GB/s NVLink)",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/systems/h200_sxm.yaml")
            .build())
        .addGpus(GpuSpec.builder().id("b200_sxm").name("NVIDIA B200 (HGX/DGX B200, 1000 W)")
            .bf16FlopsPerSecond(2.25e15)
            .fp8FlopsPerSecond(4.5e15)
            .memoryBytes(193_273_528_320L)
            .memoryBytesPerSecond(7.7e12)
            .interconnectBytesPerSecond(9e11)
            .networkBytesPerSecond(1e11)
            .gpusPerNode(8)
            .reservedBytes(3_758_096_384L)
            .addSources("https://glennklockwood.com/garden/processors/B200 (BF16 2250 / FP8 4500 dense, NVLink 5 2x900 GB/s)",
                "NVIDIA DGX B200 (1,440 GB HBM3e per 8 GPUs, 64 TB/s)",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/systems/b200_sxm.yaml (7.7 TB/s, 180 GiB, 800 Gb/s per GPU)")
            .build())
        .addGpus(GpuSpec.builder().id("a100_sxm").name("NVIDIA A100 SXM4 80GB")
            .bf16FlopsPerSecond(3.12e14)
            .memoryBytes(85_899_345_920L)
            .memoryBytesPerSecond(2.039e12)
            .interconnectBytesPerSecond(3e11)
            .networkBytesPerSecond(2.5e10)
            .gpusPerNode(8)
            .reservedBytes(3_758_096_384L)
            .addSources("NVIDIA A100 datasheet (312 TFLOPS BF16 dense, no FP8, 2,039 GB/s, NVLink3 600 GB/s)",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/systems/a100_sxm.yaml")
            .build())
        .addGpus(GpuSpec.builder().id("l40s").name("NVIDIA L40S 48GB")
            .bf16FlopsPerSecond(3.6205e14)
            .fp8FlopsPerSecond(7.33e14)
            .memoryBytes(48_305_799_168L)
            .memoryBytesPerSecond(8.64e11)
            .interconnectBytesPerSecond(3.2e10)
            .networkBytesPerSecond(5e10)
            .gpusPerNode(8)
            .reservedBytes(3_758_096_384L)
            .addSources("NVIDIA L40S datasheet (362.05 TFLOPS BF16, 733 FP8 dense, 48 GB GDDR6 864 GB/s, PCIe Gen4 x16, no NVLink)",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/systems/l40s.yaml")
            .build())
        .addModels(ModelSpec.builder().id("qwen3-32b").hfId("Qwen/Qwen3-32B")
            .layers(64)
            .hidden(5120)
            .heads(64)
            .kvHeads(8)
            .headDim(128)
            .intermediate(25_600)
            .vocab(151_936)
            .addSources("https://huggingface.co/Qwen/Qwen3-32B/blob/main/config.json",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-32B_config.json",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-32B-FP8_config.json")
            .build())
        .addModels(ModelSpec.builder().id("qwen3-8b").hfId("Qwen/Qwen3-8B")
            .layers(36)
            .hidden(4096)
            .heads(32)
            .kvHeads(8)
            .headDim(128)
            .intermediate(12_288)
            .vocab(151_936)
            .addSources("https://huggingface.co/Qwen/Qwen3-8B/blob/main/config.json",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-8B_config.json")
            .build())
        .addModels(ModelSpec.builder().id("llama-3.1-8b").hfId("meta-llama/Llama-3.1-8B")
            .addAliases("meta-llama/Meta-Llama-3.1-8B", "meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Meta-Llama-3.1-8B-Instruct", "nvidia/Llama-3.1-8B-Instruct")
            .layers(32)
            .hidden(4096)
            .heads(32)
            .kvHeads(8)
            .headDim(128)
            .intermediate(14_336)
            .vocab(128_256)
            .addSources("https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/model_configs/meta-llama--Meta-Llama-3.1-8B_config.json")
            .build())
        .addModels(ModelSpec.builder().id("llama-3.1-70b").hfId("meta-llama/Llama-3.1-70B")
            .addAliases("meta-llama/Meta-Llama-3.1-70B", "meta-llama/Llama-3.1-70B-Instruct", "meta-llama/Meta-Llama-3.1-70B-Instruct", "nvidia/Llama-3.1-70B-Instruct")
            .layers(80)
            .hidden(8192)
            .heads(64)
            .kvHeads(8)
            .headDim(128)
            .intermediate(28_672)
            .vocab(128_256)
            .addSources("https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/model_configs/meta-llama--Meta-Llama-3.1-70B_config.json",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/model_configs/nvidia--Llama-3.1-70B-Instruct-FP8_config.json")
            .build())
        .addModels(ModelSpec.builder().id("deepseek-v3").hfId("deepseek-ai/DeepSeek-V3")
            .addAliases("deepseek-ai/DeepSeek-R1", "deepseek-ai/DeepSeek-V3-0324", "deepseek-ai/DeepSeek-R1-0528", "deepseek-r1")
            .layers(61)
            .hidden(7168)
            .heads(128)
            .kvHeads(128)
            .headDim(128)
            .intermediate(18_432)
            .vocab(129_280)
            .weights(Precision.FP8)
            .kvCache(Precision.BF16)
            .moe(MoeSpec.builder().experts(256).expertsPerToken(8).expertIntermediate(2048).sharedExperts(1).denseLayers(3).build())
            .mla(MlaSpec.builder().qLoraRank(1536).kvLoraRank(512).qkNopeHeadDim(128).qkRopeHeadDim(64).vHeadDim(128).build())
            .addSources("https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/model_configs/deepseek-ai--DeepSeek-V3_config.json",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/model_configs/deepseek-ai--DeepSeek-R1_config.json",
                "DeepSeek-V3 Technical Report arXiv 2412.19437 (671B total / 37B activated; FP8 block-scaled checkpoint)")
            .build())
        .addModels(ModelSpec.builder().id("qwen3-235b-a22b").hfId("Qwen/Qwen3-235B-A22B")
            .layers(94)
            .hidden(4096)
            .heads(64)
            .kvHeads(4)
            .headDim(128)
            .intermediate(12_288)
            .vocab(151_936)
            .moe(MoeSpec.builder().experts(128).expertsPerToken(8).expertIntermediate(1536).sharedExperts(0).denseLayers(0).build())
            .addSources("https://huggingface.co/Qwen/Qwen3-235B-A22B/blob/main/config.json",
                "ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce aic-core/src/aiconfigurator_core/model_configs/Qwen--Qwen3-235B-A22B_config.json",
                "Qwen3 Technical Report arXiv 2505.09388")
            .build())
        .build();

  private BuiltinPdCatalog() {}
}
