package dev.aiinfra.core.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Map;

/**
 * The one Jackson mapper of ai-infra, shared by every module's readers and renderers, the cluster
 * adapter and the CLI's JSON output, so that a Kubernetes object means the same to all of them:
 * plain JSON, strict nesting, stable map order, integers as {@code BigInteger}s in trees,
 * int-or-string fields bound from any integer node ({@link IntOrStringReader}), so that an object
 * turned into a tree binds back, and null map values and list elements bound as the element type's
 * empty value, as the API server decodes them. No other class constructs a mapper (an ArchUnit rule
 * in every module says so).
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
          .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.AS_EMPTY)))
          // A list element written as null (`containers: [null]`, `tolerations: [null]`) decodes as
          // Go decodes it into a []T: the zero T, an empty object whose required fields are then missing.
          .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.AS_EMPTY)))
          .build();

  /**
   * The same mapper as manifests are read: integers that fit an int stay int nodes in trees, and,
   * like the API server's JSON decoding, a quoted number or boolean ({@code runAsUser: "0"},
   * {@code privileged: "true"}) is not accepted for a number or boolean field.
   */
  private static final ObjectMapper MANIFESTS = strictScalars(
      MAPPER.copy().disable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS));

  private Json() {}

  /** The shared mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * The shared mapper with the manifest reader's two differences: int-sized integers as int nodes
   * and no quoted numbers or booleans for number and boolean fields.
   */
  public static ObjectMapper manifests() {
    return MANIFESTS;
  }

  private static ObjectMapper strictScalars(ObjectMapper m) {
    for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    return m;
  }
}
