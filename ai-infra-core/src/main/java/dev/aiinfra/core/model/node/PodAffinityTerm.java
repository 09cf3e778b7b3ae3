package dev.aiinfra.core.model.node;

import dev.aiinfra.core.model.index.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One required inter-pod (anti-)affinity term ({@code requiredDuringSchedulingIgnoredDuringExecution}
 * of {@code podAffinity} or {@code podAntiAffinity}): which pods it selects and the node label key
 * whose value defines "the same domain". Matching follows kube-scheduler's {@code AffinityTerm}:
 *
 * <ul>
 *   <li>no label selector selects no pod; an empty one selects every pod;
 *   <li>without {@code namespaces} and {@code namespaceSelector} the term looks in its own pod's
 *       namespace; an empty {@code namespaceSelector} ({@code {}}) looks in every namespace;
 *   <li>a namespace selector is evaluated on the namespace's {@code kubernetes.io/metadata.name}
 *       label, the one label the API server gives every namespace (other namespace labels are not
 *       in the cluster model).
 * </ul>
 *
 * {@code matchLabelKeys} and {@code mismatchLabelKeys} are merged into the label selector when the
 * pod is read, as the API server does at pod creation.
 */
@Value.Immutable
public abstract class PodAffinityTerm implements WithPodAffinityTerm {
  /** The label every namespace carries (since 1.21), naming it. */
  public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  /** Empty: the term selects no pod (a nil selector in the API). */
  public abstract Optional<LabelSelector> labelSelector();

  public abstract List<String> namespaces();

  /** Empty: not set; present and empty: every namespace. */
  public abstract Optional<LabelSelector> namespaceSelector();

  public abstract String topologyKey();

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether a pod in {@code podNamespace} with {@code podLabels} is selected by this term of a pod in
   * {@code ownerNamespace}.
   */
  public boolean selects(String podNamespace, Map<String, String> podLabels, String ownerNamespace) {
    boolean inNamespace;
    if (namespaces().isEmpty() && namespaceSelector().isEmpty()) {
      inNamespace = podNamespace.equals(ownerNamespace);
    } else {
      inNamespace = namespaces().contains(podNamespace)
          || namespaceSelector().map(s -> s.matches(Map.of(NAMESPACE_NAME_LABEL, podNamespace))).orElse(false);
    }
    return inNamespace && labelSelector().map(s -> s.matches(podLabels)).orElse(false);
  }

  /** Builder for {@link PodAffinityTerm}. */
  public static final class Builder extends ImmutablePodAffinityTerm.Builder {}
}
