package dev.aiinfra.core.read.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's problem messages as a person reads them: without the {@code [Source: ...]} location
 * text (which names a Jackson feature flag when sources are redacted) and without the reference
 * chain of Java class names that data binding appends; a parse error ends with the line and column
 * where the parser stopped.
 */
public final class JsonMessages {
  /** {@code [Source: REDACTED (`StreamReadFeature...` disabled); line: 1, column: 7]}. */
  /** A Java type in back quotes, as Jackson names the target of a value it could not read. */
  private static final Pattern JAVA_TYPE = Pattern.compile("`((?:java|javax|com|io|dev|org)\\.[\\w.$]+|int|long|double|float|boolean|short)`");
  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  private JsonMessages() {}

  /** A parse error: the parser's own words and where it stopped ({@code line 1, column 7}). */
  public static String parseError(JsonProcessingException e) {
    StringBuilder out = new StringBuilder(plain(e.getOriginalMessage()));
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      out.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(')');
    }
    return out.toString();
  }

  /** The innermost data-binding message in {@code e}'s causes, without its reference chain. */
  public static String bindingError(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonMappingException m) {
        message = m.getOriginalMessage();
      } else if (message == null && t instanceof IllegalArgumentException && t.getMessage() != null) {
        message = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return plain(message);
  }

  /** A message's first line, with any {@code [Source: ...]} text turned into {@code line L, column C}. */
  public static String plain(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable input";
    }
    int nl = message.indexOf('\n');
    String first = nl < 0 ? message : message.substring(0, nl);
    int chain = first.indexOf(" (through reference chain:");
    if (chain >= 0) {
      first = first.substring(0, chain);
    }
    return javaTypes(SOURCE.matcher(first).replaceAll("line $1, column $2"));
  }

  /** {@code `java.math.BigDecimal`} and other Java type names in a message, as the kind of value they hold. */
  private static String javaTypes(String message) {
    Matcher m = JAVA_TYPE.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String type = m.group(1);
      String word = switch (type.substring(type.lastIndexOf('.') + 1)) {
        case "BigDecimal", "Double", "double", "Float", "float" -> "a number";
        case "BigInteger", "Integer", "int", "Long", "long", "Short", "short" -> "an integer";
        case "String" -> "a string";
        case "Boolean", "boolean" -> "a boolean";
        default -> "a value of this field's type";
      };
      m.appendReplacement(out, Matcher.quoteReplacement(word));
    }
    m.appendTail(out);
    return out.toString();
  }
}
