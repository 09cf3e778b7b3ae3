package dev.aiinfra.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a client finds its cluster without --kubeconfig, and what is said when it finds none (issue 15, defect 7). */
class KubeconfigLocatorTest {
  @TempDir Path home;
  private final Map<String, String> env = new HashMap<>();
  private final Map<String, String> properties = new HashMap<>();

  private KubeconfigSearch locate() {
    env.putIfAbsent("HOME", home.toString());
    return KubeconfigLocator.of(env::get, properties::get).locate();
  }

  private Path kubeconfig(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "apiVersion: v1\nkind: Config\n");
    return file;
  }

  @Test
  void nothing_found_names_every_place_looked() {
    KubeconfigSearch s = locate();
    assertThat(s.found()).isEmpty();
    assertThat(s.notFound()).isEqualTo("no kubeconfig found: KUBECONFIG is not set; "
        + home.resolve(".kube").resolve("config") + ": no such file; "
        + "not running in a pod (KUBERNETES_SERVICE_HOST is not set), so no in-cluster service account");
  }

  @Test
  void the_home_kubeconfig_is_found() throws IOException {
    Path config = kubeconfig(home.resolve(".kube").resolve("config"));
    assertThat(locate().found()).hasValue("kubeconfig " + config);
  }

  @Test
  void user_home_serves_when_home_is_not_a_folder() throws IOException {
    env.put("HOME", home.resolve("gone").toString());
    properties.put("user.home", home.toString());
    Path config = kubeconfig(home.resolve(".kube").resolve("config"));
    assertThat(locate().found()).hasValue("kubeconfig " + config);
  }

  @Test
  void kubeconfig_lists_files_and_the_first_that_exists_serves() throws IOException {
    Path second = kubeconfig(home.resolve("b.yaml"));
    env.put("KUBECONFIG", home.resolve("a.yaml") + File.pathSeparator + second);
    assertThat(locate().found()).hasValue("kubeconfig " + second);
  }

  @Test
  void a_kubeconfig_variable_naming_nothing_does_not_fall_back_to_the_home_file() throws IOException {
    kubeconfig(home.resolve(".kube").resolve("config"));
    env.put("KUBECONFIG", home.resolve("missing.yaml").toString());
    KubeconfigSearch s = locate();
    assertThat(s.found()).isEmpty();
    assertThat(s.looked()).startsWith("KUBECONFIG=" + home.resolve("missing.yaml") + ": no such file");
  }

  @Test
  void the_kubeconfig_system_property_comes_before_the_variable() throws IOException {
    Path config = kubeconfig(home.resolve("p.yaml"));
    properties.put("kubeconfig", config.toString());
    env.put("KUBECONFIG", home.resolve("missing.yaml").toString());
    assertThat(locate().found()).hasValue("kubeconfig " + config);
  }

  @Test
  void an_empty_kubeconfig_variable_is_unset() throws IOException {
    Path config = kubeconfig(home.resolve(".kube").resolve("config"));
    env.put("KUBECONFIG", "");
    assertThat(locate().found()).hasValue("kubeconfig " + config);
  }

  @Test
  void a_pod_finds_its_in_cluster_service_account() {
    env.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
    assertThat(locate().found()).hasValue("in-cluster service account (KUBERNETES_SERVICE_HOST=10.96.0.1)");
  }

  @Test
  void in_cluster_configuration_can_be_switched_off_as_in_fabric8() {
    env.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
    properties.put("kubernetes.auth.tryServiceAccount", "false");
    KubeconfigSearch s = locate();
    assertThat(s.found()).isEmpty();
    assertThat(s.looked()).last().isEqualTo("in-cluster configuration not tried (kubernetes.auth.tryServiceAccount is not true)");
  }

  @Test
  void an_explicit_api_server_url_names_the_cluster() {
    env.put("KUBERNETES_MASTER", "https://10.0.0.1:6443");
    assertThat(locate().found()).hasValue("API server https://10.0.0.1:6443 (kubernetes.master)");
  }
}
