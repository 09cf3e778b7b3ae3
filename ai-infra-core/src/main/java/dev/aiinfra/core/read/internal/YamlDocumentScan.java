package dev.aiinfra.core.read.internal;

import java.util.OptionalInt;

/**
 * Finds YAML document boundaries ({@code ---} and {@code ...} at the start of a line, YAML's
 * c-forbidden markers, which end any scalar) and counts the characters of every document
 * <em>before</em> anything is parsed, so an oversized document or stream is refused after one
 * cheap pass that stops at the limit, not after the parser has worked through it.
 *
 * <p>Document indexes follow the parser: a document starts at {@code ---} or at the first line with
 * content after the start of the stream or a {@code ...}; comments, blank lines and directives
 * alone do not make one. Characters are Unicode code points, as snakeyaml counts them.
 */
final class YamlDocumentScan {
  private YamlDocumentScan() {}

  static void check(char[] text, TreeLimits limits) {
    int n = text.length;
    int index = -1; // the current document, -1 before the first
    boolean inDocument = false;
    long chars = 0; // code points since the current document (or stream, or ...) began
    for (int i = 0; i < n; ) {
      // i is at the start of a line
      if (marker(text, i, '-')) {
        index++;
        inDocument = true;
        chars = 0;
        tooMany(index, limits);
      } else if (marker(text, i, '.')) {
        inDocument = false;
      } else if (!inDocument && hasContent(text, i)) {
        index++;
        inDocument = true;
        tooMany(index, limits);
      }
      int end = lineEnd(text, i);
      for (int j = i; j < end; j++) {
        if (!Character.isLowSurrogate(text[j]) && ++chars > limits.maxDocumentChars()) {
          throw new TreeReadException(OptionalInt.of(Math.max(index, 0)), "",
              "the document is longer than the limit of " + limits.maxDocumentChars() + " characters; nothing of it was read");
        }
      }
      i = end;
    }
  }

  private static void tooMany(int index, TreeLimits limits) {
    if (index >= limits.maxDocuments()) {
      throw new TreeReadException(OptionalInt.empty(), "", "more than " + limits.maxDocuments() + " documents");
    }
  }

  /** The index just past the line break of the line starting at {@code i} (or the end of text). */
  private static int lineEnd(char[] text, int i) {
    int n = text.length;
    while (i < n) {
      char c = text[i++];
      if (c == '\n') {
        return i;
      }
      if (c == '\r') {
        return i < n && text[i] == '\n' ? i + 1 : i;
      }
    }
    return n;
  }

  /** {@code ---} or {@code ...} followed by a space, tab, line break or the end of the text. */
  private static boolean marker(char[] text, int i, char c) {
    if (i + 3 > text.length || text[i] != c || text[i + 1] != c || text[i + 2] != c) {
      return false;
    }
    if (i + 3 == text.length) {
      return true;
    }
    char next = text[i + 3];
    return next == ' ' || next == '\t' || next == '\n' || next == '\r';
  }

  /** Whether the line holds more than blanks, a comment or a directive (which precede a document). */
  private static boolean hasContent(char[] text, int i) {
    int n = text.length;
    if (i < n && text[i] == '%') {
      return false;
    }
    while (i < n) {
      char c = text[i];
      if (c == ' ' || c == '\t' || c == '\uFEFF') {
        i++;
        continue;
      }
      return c != '#' && c != '\n' && c != '\r';
    }
    return false;
  }
}
