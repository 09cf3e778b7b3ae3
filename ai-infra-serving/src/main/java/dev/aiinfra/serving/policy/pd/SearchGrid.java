package dev.aiinfra.serving.policy.pd;

import java.util.stream.IntStream;

/** AIConfigurator's default search grids (domain notes §1.6, §1.7): batches, tensor-parallel sizes, replica sizes. */
final class SearchGrid {
  static final int[] TENSOR_PARALLEL = {1, 2, 4, 8};
  /** 1–15, 16–28 step 4, 32–56 step 8, 64–240 step 16, 256–480 step 32, 512. */
  static final int[] AGGREGATED_BATCHES = concat(range(1, 15, 1), range(16, 28, 4), range(32, 56, 8), range(64, 240, 16), range(256, 480, 32), new int[] {512});
  /** 1–15, 16–30 step 2, 32–124 step 4, 128–504 step 8, 512. */
  static final int[] DECODE_BATCHES = concat(range(1, 15, 1), range(16, 30, 2), range(32, 124, 4), range(128, 504, 8), new int[] {512});
  static final int MAX_WORKERS_PER_ROLE = 32;
  static final int MAX_GPUS_PER_REPLICA = 128;

  private SearchGrid() {}

  /** Replica sizes AIConfigurator tries: 1, 2, 4, 8, then multiples of 8 up to 128, none above the budget. */
  static int[] replicaSizes(int totalGpus) {
    return IntStream.concat(IntStream.of(1, 2, 4), IntStream.iterate(8, s -> s <= MAX_GPUS_PER_REPLICA, s -> s + 8))
        .filter(s -> s <= totalGpus)
        .toArray();
  }

  private static int[] range(int from, int to, int step) {
    return IntStream.iterate(from, i -> i <= to, i -> i + step).toArray();
  }

  private static int[] concat(int[]... parts) {
    return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
  }
}
