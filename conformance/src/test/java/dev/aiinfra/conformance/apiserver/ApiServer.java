package dev.aiinfra.conformance.apiserver;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;

/**
 * A running loopback control plane: a real kube-apiserver ({@code k8s.io/kubernetes}, the oracle's
 * release) over an embedded etcd, with the CRDs of {@code ../shared/crds} installed and
 * Established, and the alpha APIs and feature gates of the newest profile the server runs switched
 * on. Obtained as a parameter of a {@link RealApiServer} test.
 */
public interface ApiServer {

  /** A fabric8 client authenticated as a cluster admin (system:masters). */
  KubernetesClient client();

  /** A kubeconfig for this server (token auth, CA pinned), for {@code ai-infra --kubeconfig}. */
  Path kubeconfig();

  /** The server's URL, {@code https://127.0.0.1:PORT}. */
  String url();

  /** The server's git version, e.g. {@code v1.36.3}. */
  String version();

  /**
   * Creates the namespace and its {@code default} ServiceAccount when missing. No
   * kube-controller-manager runs here, and the ServiceAccount admission plugin refuses a Pod whose
   * service account does not exist, as it would on a real cluster before the controller caught up.
   */
  default void ensureNamespace(String name) {
    KubernetesClient c = client();
    if (c.namespaces().withName(name).get() == null) {
      try {
        c.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
    if (c.serviceAccounts().inNamespace(name).withName("default").get() == null) {
      try {
        c.serviceAccounts().inNamespace(name)
            .resource(new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build())
            .create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
  }
}
