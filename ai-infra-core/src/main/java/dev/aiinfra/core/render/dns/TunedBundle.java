package dev.aiinfra.core.render.dns;

import dev.aiinfra.core.render.ManifestBundle;
import java.util.List;

/** A bundle with tuned {@code dnsConfig} on every pod template, and the advice behind each change. */
public record TunedBundle(ManifestBundle bundle, List<TemplateAdvice> templates) {
  public TunedBundle {
    templates = List.copyOf(templates);
  }

  public int queriesBefore() {
    return templates.stream().mapToInt(t -> t.advice().queriesBefore()).sum();
  }

  public int queriesAfter() {
    return templates.stream().mapToInt(t -> t.advice().queriesAfter()).sum();
  }

  /** False when a forced ndots breaks a lookup somewhere (the advice then carries an error). */
  public boolean safe() {
    return templates.stream().allMatch(t -> t.advice().safe());
  }
}
