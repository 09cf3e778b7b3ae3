package dev.aiinfra.core.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a Kubernetes client finds its cluster when no kubeconfig file is named, looked up in the
 * places and order fabric8's {@code Config.autoConfigure} uses (after kubectl and client-go): the
 * files listed in {@code $KUBECONFIG} (system property {@code kubeconfig} first), else {@code
 * ~/.kube/config}; then a pod's in-cluster configuration ({@code KUBERNETES_SERVICE_HOST}, set by
 * the kubelet in every container); an explicit API server URL ({@code kubernetes.master}, {@code
 * $KUBERNETES_MASTER}) counts too. Each setting is read as fabric8 reads it: the system property,
 * else the environment variable of the same name in upper case with {@code _} for {@code .} and
 * {@code -}; an empty value is unset.
 *
 * <p>When none is there fabric8 still builds a client, for {@code https://kubernetes.default.svc},
 * whose first request fails with "Name or service not known"; {@link #locate()} lets a caller stop
 * first and say where it looked. The environment and system properties are functions given to
 * the locator, so it is tested without touching the real ones.
 */
public final class KubeconfigLocator {
  private static final String IN_CLUSTER_HOST = "KUBERNETES_SERVICE_HOST";
  private final UnaryOperator<String> env;
  private final UnaryOperator<String> properties;

  private KubeconfigLocator(UnaryOperator<String> env, UnaryOperator<String> properties) {
    this.env = env;
    this.properties = properties;
  }

  /** Reads this process's environment and system properties. */
  public static KubeconfigLocator system() {
    return new KubeconfigLocator(System::getenv, System::getProperty);
  }

  /** Reads the given environment and system properties ({@code null} for an unset name). */
  public static KubeconfigLocator of(UnaryOperator<String> env, UnaryOperator<String> properties) {
    return new KubeconfigLocator(env, properties);
  }

  public KubeconfigSearch locate() {
    List<String> looked = new ArrayList<>();
    Optional<String> master = setting("kubernetes.master");
    if (master.isPresent()) {
      return new KubeconfigSearch(Optional.of("API server " + master.get() + " (kubernetes.master)"), looked);
    }
    Optional<String> file = kubeconfigFile(looked);
    if (file.isPresent()) {
      return new KubeconfigSearch(Optional.of("kubeconfig " + file.get()), looked);
    }
    if (!enabled("kubernetes.auth.tryServiceAccount")) {
      looked.add("in-cluster configuration not tried (kubernetes.auth.tryServiceAccount is not true)");
    } else if (setting(IN_CLUSTER_HOST).isPresent()) {
      return new KubeconfigSearch(Optional.of("in-cluster service account (" + IN_CLUSTER_HOST + "=" + setting(IN_CLUSTER_HOST).get() + ")"), looked);
    } else {
      looked.add("not running in a pod (" + IN_CLUSTER_HOST + " is not set), so no in-cluster service account");
    }
    return new KubeconfigSearch(Optional.empty(), looked);
  }

  /** The first kubeconfig file that exists; each one looked at goes to {@code looked}. */
  private Optional<String> kubeconfigFile(List<String> looked) {
    if (!enabled("kubernetes.auth.tryKubeConfig")) {
      looked.add("kubeconfig files not read (kubernetes.auth.tryKubeConfig is not true)");
      return Optional.empty();
    }
    Optional<String> listed = setting("kubeconfig");
    List<String> files = listed.map(l -> List.of(l.split(File.pathSeparator))).orElse(List.of(home() + File.separator + ".kube" + File.separator + "config"));
    for (String f : files) {
      if (!f.isEmpty() && Files.isRegularFile(Path.of(f))) {
        return Optional.of(f);
      }
    }
    if (listed.isEmpty()) {
      looked.add("KUBECONFIG is not set");
      looked.add(files.get(0) + ": no such file");
    } else {
      looked.add("KUBECONFIG=" + listed.get() + ": " + (files.size() == 1 ? "no such file" : "none of these files exists"));
    }
    return Optional.empty();
  }

  /** The home folder as fabric8 finds it: {@code $HOME} when it is a folder, else {@code user.home}. */
  private String home() {
    String home = env.apply("HOME");
    if (home != null && !home.isEmpty() && Files.isDirectory(Path.of(home))) {
      return home;
    }
    String user = properties.apply("user.home");
    return user == null ? "." : user;
  }

  /** A switch that is on unless set; set, it is on only when {@code true} (fabric8 reads it with {@code Boolean.parseBoolean}). */
  private boolean enabled(String name) {
    return setting(name).map(Boolean::parseBoolean).orElse(true);
  }

  private Optional<String> setting(String name) {
    String property = properties.apply(name);
    if (property != null && !property.isEmpty()) {
      return Optional.of(property);
    }
    String variable = env.apply(name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"));
    return variable == null || variable.isEmpty() ? Optional.empty() : Optional.of(variable);
  }
}
