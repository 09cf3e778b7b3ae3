package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.ManifestReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken labels and inter-pod terms, on pending and bound pods, are input errors, never crashes. */
class InterPodHostileInputTest {
  private static final String NODE = """
      apiVersion: v1
      kind: Node
      metadata: {name: a, labels: {kubernetes.io/hostname: a}}
      status: {allocatable: {cpu: "8", pods: "110"}}
      ---
      """;

  @ParameterizedTest
  @ValueSource(strings = {
      "labels: {app: null}",
      "affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: k, labelSelector: {matchExpressions: [{key: app}]}}]}}",
      "affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: k, labelSelector: {matchExpressions: [{key: app, operator: Gt, values: ['1']}]}}]}}",
      "affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: k, labelSelector: {matchExpressions: [{operator: In, values: [x]}]}}]}}",
      "affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: k, labelSelector: {matchLabels: {app: null}}}]}}",
      "affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: k, namespaces: [null], labelSelector: {}}]}}",
      "affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [null]}}",
      "affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchExpressions: [{key: a, operator: In}]}}]}}"})
  void a_broken_pending_or_bound_pod_is_an_input_error(String broken) {
    for (String nodeName : List.of("", "nodeName: a")) {
      String labels = broken.startsWith("labels") ? broken : "labels: {app: x}";
      String spec = broken.startsWith("affinity") ? broken : "";
      String yaml = NODE + """
          apiVersion: v1
          kind: Pod
          metadata: {name: p, namespace: ml, %s}
          spec:
            %s
            %s
            containers: [{name: c, image: x}]
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: q, namespace: ml}
          spec:
            containers: [{name: c, image: x}]
          """.formatted(labels, nodeName, spec);
      assertThatCode(() -> {
        try {
          GangInputs.read(ManifestReader.withDefaults().readString("in.yaml", yaml), List.of());
        } catch (ManifestReadException expected) {
          // refused with its file and document: fine
        }
      }).as("%s (%s)", broken, nodeName.isEmpty() ? "pending" : "bound").doesNotThrowAnyException();
    }
  }
}
