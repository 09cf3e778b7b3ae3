package dev.aiinfra.core.render.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DnsTuningTest {
  private static final KubeletDnsSettings KUBELET = KubeletDnsSettings.builder().addClusterDns("10.96.0.10").build();
  private static final String INPUT =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: gw, namespace: ml}\nspec:\n  selector: {matchLabels: {app: gw}}\n"
          + "  template:\n    metadata: {labels: {app: gw}}\n    spec:\n      dnsConfig: {options: [{name: edns0}]}\n      containers: [{name: gw, image: gw}]\n"
          + "---\napiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n  name: vllm\n  namespace: ml\n"
          + "  annotations: {dns.ai-infra.dev/resolver: musl, dns.ai-infra.dev/in-cluster-names: 'kv.cache.svc'}\nspec:\n  leaderWorkerTemplate:\n    size: 2\n"
          + "    leaderTemplate: {spec: {containers: [{name: l, image: vllm}]}}\n    workerTemplate: {spec: {containers: [{name: w, image: vllm}]}}\n"
          + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: ml}\n";

  private static ManifestBundle bundle(String yaml) {
    return ManifestBundle.of(ManifestReader.withDefaults().readString("in.yaml", yaml).stream().map(SourcedObject::object).toList());
  }

  private static TunedBundle tune(String yaml) {
    return DnsTuning.tune(bundle(yaml), KUBELET,
        List.of(DnsLookup.external("api.openai.com"), DnsLookup.external("s3.us-east-1.amazonaws.com")), ResolverFlavor.GLIBC, OptionalInt.empty());
  }

  @Test
  void a_tuned_pod_with_an_integer_probe_port_is_read_back() {
    TunedBundle t = DnsTuning.tune(bundle("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
        + "    livenessProbe: {httpGet: {path: /, port: 8080}}\n"), KUBELET, List.of(), ResolverFlavor.GLIBC, OptionalInt.of(1));
    assertThat(t.bundle().toYaml()).contains("port: 8080", "ndots");
  }

  @Test
  void every_pod_template_is_tuned_and_reported() {
    TunedBundle t = tune(INPUT);
    assertThat(t.templates()).extracting(TemplateAdvice::path)
        .containsExactly("spec.template.spec", "spec.leaderWorkerTemplate.leaderTemplate.spec", "spec.leaderWorkerTemplate.workerTemplate.spec");
    assertThat(t.queriesAfter()).isLessThan(t.queriesBefore());
  }

  @Test
  void the_tuned_bundle_matches_its_golden_yaml() {
    Golden.assertMatches("dns-tuned-bundle.yaml", tune(INPUT).bundle().toYaml());
  }

  @Test
  void per_object_annotations_choose_the_resolver_and_add_lookups() {
    TemplateAdvice lws = tune(INPUT).templates().get(1);
    assertThat(lws.advice().lookups()).extracting(l -> l.lookup().name()).contains("kv.cache.svc");
    assertThat(lws.advice().ndotsAfter()).isGreaterThan(2);
  }

  @Test
  void tuning_twice_changes_nothing_more() {
    TunedBundle once = tune(INPUT);
    TunedBundle twice = DnsTuning.tune(once.bundle(), KUBELET,
        List.of(DnsLookup.external("api.openai.com"), DnsLookup.external("s3.us-east-1.amazonaws.com")), ResolverFlavor.GLIBC, OptionalInt.empty());
    assertThat(twice.bundle().toYaml()).isEqualTo(once.bundle().toYaml());
  }

  @Test
  void invalid_dns_settings_in_any_template_are_reported_not_tuned() {
    assertThatThrownBy(() -> tune(INPUT.replace("{options: [{name: edns0}]}", "{nameservers: [nope]}")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("spec.template.spec.dnsConfig.nameservers[0]");
  }
}
