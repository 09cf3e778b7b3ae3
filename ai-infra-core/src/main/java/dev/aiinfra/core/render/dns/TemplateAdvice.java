package dev.aiinfra.core.render.dns;

import dev.aiinfra.core.model.manifest.ObjectKey;
import dev.aiinfra.core.policy.dns.NdotsAdvice;

/**
 * The ndots advice for one pod template of one object in a bundle; {@code path} is the pod spec's
 * field path in the object, e.g. {@code spec.template.spec}.
 */
public record TemplateAdvice(ObjectKey object, String path, NdotsAdvice advice) {}
