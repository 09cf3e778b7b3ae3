package dev.aiinfra.cli;

import java.io.InputStream;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Creates the commands and mixins picocli instantiates. It hands standard input to every
 * {@link InputOptions} it creates, so a command reads {@code -f -} through its input mixin and
 * never reaches back to the root command for the stream.
 */
final class CommandFactory implements CommandLine.IFactory {
  private final InputStream stdin;

  CommandFactory(InputStream stdin) {
    this.stdin = Objects.requireNonNull(stdin);
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == InputOptions.class) {
      return type.cast(new InputOptions(stdin));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
