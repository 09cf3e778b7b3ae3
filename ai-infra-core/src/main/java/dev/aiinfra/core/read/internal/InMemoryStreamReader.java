package dev.aiinfra.core.read.internal;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * snakeyaml's character reader for text already in memory, in constant time per character.
 *
 * <p>snakeyaml's own {@link StreamReader} refills 1,024 characters at a time and copies its whole
 * look-ahead window on every refill; its scanner looks ahead over a whole token before consuming
 * it, so one long scalar costs time quadratic in its length (a one-line 8 MiB value took 45–90 s).
 * This reader indexes the text's characters directly (or its code points when it holds surrogate
 * pairs). It
 * overrides every public method the scanner calls with the same meaning — code-point positions,
 * {@code \0} past the end, line and column counting with YAML 1.1's line breaks, non-printable
 * characters refused — so the scanner and parser, and with them what YAML means, are unchanged.
 * Not thread-safe.
 */
final class InMemoryStreamReader extends StreamReader {
  private static final String NAME = "'reader'";
  private static final int[] NO_SNIPPET = new int[0];
  /** The text when it has no surrogate pairs (one char per code point), else null. */
  private final char[] text;
  /** The code points when the text has surrogate pairs, else null. */
  private final int[] points;
  private final int length;
  /** Code-point index of the first character YAML does not allow, {@code Integer.MAX_VALUE} if none. */
  private final int firstUnprintable;
  private int pointer;
  /** The last mark made: the scanner asks for several at one position (token start and end). */
  private Mark mark;
  private int documentIndex;
  private int line;
  private int column;

  InMemoryStreamReader(String text) {
    this(text.toCharArray());
  }

  /** Reads {@code chars}, which it keeps and never changes. */
  InMemoryStreamReader(char[] chars) {
    super(new StringReader(""));
    boolean pairs = false;
    for (int i = 0; i < chars.length && !pairs; i++) {
      pairs = Character.isSurrogate(chars[i]);
    }
    this.text = pairs ? null : chars;
    this.points = pairs ? new String(chars).codePoints().toArray() : null;
    this.length = pairs ? points.length : chars.length;
    int bad = Integer.MAX_VALUE;
    for (int i = 0; i < length; i++) {
      if (!isPrintable(at(i))) {
        bad = i;
        break;
      }
    }
    this.firstUnprintable = bad;
  }

  private int at(int i) {
    return text != null ? text[i] : points[i];
  }

  /** The code point {@code ahead} places after the pointer, {@code \0} past the end. */
  private int point(int ahead) {
    int i = pointer + ahead;
    if (i >= firstUnprintable) {
      throw new ReaderException(NAME, firstUnprintable, at(firstUnprintable), "special characters are not allowed");
    }
    return i < length ? at(i) : 0;
  }

  @Override
  public Mark getMark() {
    if (mark == null || mark.getIndex() != pointer) {
      // no snippet buffer: messages use the line and column only
      mark = new Mark(NAME, pointer, line, column, NO_SNIPPET, 0);
    }
    return mark;
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int count) {
    for (int k = 0; k < count && pointer < length; k++) {
      int c = point(0);
      pointer++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || (c == '\r' && pointer < length && point(0) != '\n')) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return point(0);
  }

  @Override
  public int peek(int index) {
    return point(index);
  }

  @Override
  public String prefix(int count) {
    if (count == 0) {
      return "";
    }
    int end = Math.min(pointer + count, length);
    if (end > 0) {
      point(end - 1 - pointer); // refuses a non-printable character inside the prefix
    }
    return text != null ? new String(text, pointer, end - pointer) : new String(points, pointer, end - pointer);
  }

  @Override
  public String prefixForward(int count) {
    // as snakeyaml's: the scanner only calls this for text without line breaks
    String prefix = prefix(count);
    pointer += count;
    documentIndex += count;
    column += count;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return pointer;
  }

  @Override
  public int getLine() {
    return line;
  }
}
