package dev.aiinfra.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A seeded generator of test values. Everything is derived from the {@link SplittableRandom} it is
 * given, so a seed replays a failure exactly.
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Gen<T> {
  T next(SplittableRandom random);

  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return r -> f.apply(next(r));
  }

  default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
    return r -> f.apply(next(r)).next(r);
  }

  /** Values satisfying {@code keep}; gives up after 1,000 rejections in a row. */
  default Gen<T> filter(Predicate<? super T> keep) {
    return r -> {
      for (int i = 0; i < 1_000; i++) {
        T t = next(r);
        if (keep.test(t)) {
          return t;
        }
      }
      throw new IllegalStateException("filter rejected 1000 values in a row; loosen the generator");
    };
  }

  static <T> Gen<T> constant(T value) {
    return r -> value;
  }

  /** A uniform int in {@code [min, max]}. */
  static Gen<Integer> ints(int min, int max) {
    return r -> min + r.nextInt(max - min + 1);
  }

  static Gen<Boolean> booleans() {
    return SplittableRandom::nextBoolean;
  }

  /** {@code true} with the given probability. */
  static Gen<Boolean> chance(double probability) {
    return r -> r.nextDouble() < probability;
  }

  @SafeVarargs
  static <T> Gen<T> oneOf(T... values) {
    return r -> values[r.nextInt(values.length)];
  }

  static <T> Gen<T> oneOf(List<T> values) {
    return r -> values.get(r.nextInt(values.size()));
  }

  @SafeVarargs
  static <T> Gen<T> oneOfGens(Gen<? extends T>... gens) {
    return r -> gens[r.nextInt(gens.length)].next(r);
  }

  /** A list of {@code min..max} elements. */
  static <T> Gen<List<T>> listOf(Gen<T> element, int min, int max) {
    return r -> {
      int n = min + r.nextInt(max - min + 1);
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(element.next(r));
      }
      return out;
    };
  }

  /** A string of {@code min..max} characters drawn from {@code alphabet}. */
  static Gen<String> strings(String alphabet, int min, int max) {
    return r -> {
      int n = min + r.nextInt(max - min + 1);
      StringBuilder s = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        s.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      return s.toString();
    };
  }
}
