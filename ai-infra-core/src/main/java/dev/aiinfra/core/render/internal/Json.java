package dev.aiinfra.core.render.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * The one Jackson mapper the render layer uses: plain JSON, strict nesting, stable map order,
 * integers as {@code BigInteger}s in trees, int-or-string fields bound from any integer node
 * ({@link IntOrStringReader}), so that an object turned into a tree binds back, and null map values and
 * list elements bound as the element type's empty value, as the API server decodes them.
 */
public final class Json {
  /** Deepest object/array nesting accepted from users (Kubernetes objects stay well below 50). */
  public static final int MAX_NESTING = 128;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                  .build())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .addModule(new SimpleModule("int-or-string").addDeserializer(IntOrString.class, new IntOrStringReader()))
          // A map value written as null (`zone:`) decodes as the API server's Go decoder does: the
          // value type's zero ("" in labels, annotations, nodeSelector); types without one stay null.
          .withConfigOverride(java.util.Map.class,
              o -> o.setSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forContentNulls(com.fasterxml.jackson.annotation.Nulls.AS_EMPTY)))
          // A list element written as null (`containers: [null]`, `tolerations: [null]`) decodes as
          // Go decodes it into a []T: the zero T, an empty object whose required fields are then missing.
          .withConfigOverride(java.util.List.class,
              o -> o.setSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forContentNulls(com.fasterxml.jackson.annotation.Nulls.AS_EMPTY)))
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
