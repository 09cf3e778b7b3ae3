package dev.aiinfra.core.read.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/** The in-memory reader answers every call the scanner makes exactly as snakeyaml's reader does. */
class InMemoryStreamReaderTest {
  private static final String[] TEXTS = {
      "", "a", "a: 1\nb: [x, y]\n", "crlf: 1\r\nnext: 2\r\n", "cr only\rline\r", "\uFEFFbom: 1\n", "nel\u0085ls\u2028ps\u2029end",
      "emoji: \uD83D\uDE00 and more \uD83D\uDE01\n", "x".repeat(3000) + "\n" + "y".repeat(1500), "tail\r"
  };

  @Test
  void random_walks_see_the_same_characters_positions_and_prefixes() {
    Random random = new Random(14);
    for (String text : TEXTS) {
      for (int walk = 0; walk < 20; walk++) {
        StreamReader expected = new StreamReader(text);
        InMemoryStreamReader actual = new InMemoryStreamReader(text);
        for (int step = 0; step < 400; step++) {
          int ahead = random.nextInt(8);
          assertThat(actual.peek(ahead)).as("peek(%d) in %s", ahead, text).isEqualTo(expected.peek(ahead));
          assertThat(actual.peek()).isEqualTo(expected.peek());
          assertThat(actual.prefix(ahead)).isEqualTo(expected.prefix(ahead));
          switch (random.nextInt(3)) {
            case 0 -> {
              expected.forward();
              actual.forward();
            }
            case 1 -> {
              expected.forward(ahead);
              actual.forward(ahead);
            }
            default -> {
              // the scanner only prefix-forwards over characters it has peeked, never past the end
              int n = 0;
              while (n < ahead && expected.peek(n) != 0 && expected.peek(n) != '\n' && expected.peek(n) != '\r') {
                n++;
              }
              assertThat(actual.prefixForward(n)).isEqualTo(expected.prefixForward(n));
            }
          }
          assertThat(actual.getIndex()).isEqualTo(expected.getIndex());
          assertThat(actual.getLine()).isEqualTo(expected.getLine());
          assertThat(actual.getColumn()).isEqualTo(expected.getColumn());
          assertThat(actual.getDocumentIndex()).isEqualTo(expected.getDocumentIndex());
          assertThat(actual.getMark().getLine()).isEqualTo(expected.getMark().getLine());
          assertThat(actual.getMark().getColumn()).isEqualTo(expected.getMark().getColumn());
        }
      }
    }
  }

  @Test
  void a_character_yaml_does_not_allow_is_refused_when_the_scanner_reaches_it() {
    InMemoryStreamReader reader = new InMemoryStreamReader("ab\u0007c");
    assertThat(reader.peek(1)).isEqualTo('b');
    assertThatThrownBy(() -> reader.peek(2)).isInstanceOf(ReaderException.class).hasMessageContaining("special characters are not allowed");
  }
}
