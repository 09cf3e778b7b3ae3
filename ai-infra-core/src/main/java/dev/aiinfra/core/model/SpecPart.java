package dev.aiinfra.core.model;

import java.util.List;

/**
 * A value type that is only ever part of a larger one (a gang's pod group, a deployment's role) and
 * is therefore validated by the value that holds it, as the API server validates a whole object
 * rather than each struct on its own. Building the outer value then throws one {@link
 * InvalidSpecException} listing every violation of every part with its full path ({@code
 * spec.podGroupTemplates[1].schedulingPolicy.gang.minCount}), instead of the first part failing
 * alone with a path relative to itself.
 *
 * <p>A part built on its own is not checked; {@link #requireValid()} checks it when it is used
 * outside its holder.
 */
public interface SpecPart {
  /** Every rule this part breaks, with paths relative to the part; empty when it is valid. */
  List<FieldViolation> violations();

  /** Throws {@link InvalidSpecException} with every violation, for a part used on its own. */
  default void requireValid() {
    List<FieldViolation> found = violations();
    if (!found.isEmpty()) {
      throw new InvalidSpecException(found);
    }
  }
}
