package dev.aiinfra.sandbox.render.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.policy.pss.PodSecurityViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod Security verdicts for one object: a Pod, or every pod template of a workload (a
 * LeaderWorkerSet has two, a JobSet one per replicated job). The object is allowed at a level only
 * when every template is.
 */
public record ObjectReview(String kind, String namespace, String name, List<TemplateReview> templates) {
  public ObjectReview {
    templates = List.copyOf(templates);
  }

  public boolean allowed(PodSecurityLevel level) {
    return templates.stream().allMatch(t -> (level == PodSecurityLevel.RESTRICTED ? t.restricted() : t.baseline()).allowed());
  }

  /**
   * Every violation at {@code level}; with more than one template each message starts with the
   * template's path so the reader knows which one failed.
   */
  public List<PodSecurityViolation> violations(PodSecurityLevel level) {
    List<PodSecurityViolation> out = new ArrayList<>();
    for (TemplateReview t : templates) {
      for (PodSecurityViolation v : (level == PodSecurityLevel.RESTRICTED ? t.restricted() : t.baseline()).violations()) {
        out.add(templates.size() == 1 ? v : new PodSecurityViolation(v.check(), v.reason(), t.path() + ": " + v.detail()));
      }
    }
    return out;
  }
}
