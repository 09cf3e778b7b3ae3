package dev.aiinfra.sandbox.read;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.render.pss.ObjectReview;
import dev.aiinfra.sandbox.render.pss.PodSecurityReviews;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod Security Standards over a whole input, as Pod Security Admission would judge each object:
 * every Pod and every object with pod templates is reviewed, the rest is named as skipped.
 *
 * @param reviews one review per reviewable object, in input order
 * @param skipped {@code Kind/name} of each object without pod templates
 */
public record InputReview(List<ObjectReview> reviews, List<String> skipped) {
  public InputReview {
    reviews = List.copyOf(reviews);
    skipped = List.copyOf(skipped);
  }

  /**
   * Reviews every object of the input at {@code version}.
   *
   * @throws ManifestReadException naming, with its file and document, every field of the wrong type
   *     in any object (all of them at once)
   */
  public static InputReview of(List<SourcedObject> objects, PodSecurityVersion version) {
    List<ObjectReview> reviews = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (SourcedObject o : objects) {
      HasMetadata object = o.object();
      if (!PodSecurityReviews.reviewable(object.getApiVersion(), object.getKind())) {
        skipped.add(object.getKind() + "/" + object.getMetadata().getName());
        continue;
      }
      try {
        reviews.add(PodSecurityReviews.review(object, version));
      } catch (InvalidSpecException e) {
        e.violations().forEach(v -> errors.add(o.error(v.field(), v.message())));
      }
    }
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    return new InputReview(reviews, skipped);
  }

  /** Whether any reviewed object is denied at {@code level}: the admission answer for the whole input. */
  public boolean anyDenied(PodSecurityLevel level) {
    return reviews.stream().anyMatch(r -> !r.allowed(level));
  }
}
