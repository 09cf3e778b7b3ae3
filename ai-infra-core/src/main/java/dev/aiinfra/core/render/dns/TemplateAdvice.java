package dev.aiinfra.core.render.dns;

import dev.aiinfra.core.model.manifest.ObjectKey;
import dev.aiinfra.core.policy.dns.NdotsAdvice;

/** The ndots advice for one pod template of one object in a bundle. */
public final class TemplateAdvice {
  private final ObjectKey object;
  private final String path;
  private final NdotsAdvice advice;

  TemplateAdvice(ObjectKey object, String path, NdotsAdvice advice) {
    this.object = object;
    this.path = path;
    this.advice = advice;
  }

  public ObjectKey object() {
    return object;
  }

  /** The pod spec's field path in the object, e.g. {@code spec.template.spec}. */
  public String path() {
    return path;
  }

  public NdotsAdvice advice() {
    return advice;
  }
}
