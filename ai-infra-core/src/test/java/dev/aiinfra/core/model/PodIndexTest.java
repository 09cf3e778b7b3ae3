package dev.aiinfra.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.index.PodIndex;
import dev.aiinfra.core.model.index.PodIndexKeys;
import dev.aiinfra.core.model.index.PodPosition;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodIndexTest {
  private static final Map<String, String> LWS_LEADER =
      Map.of(PodIndexKeys.LWS_NAME, "vllm", PodIndexKeys.LWS_GROUP_INDEX, "2", PodIndexKeys.LWS_WORKER_INDEX, "0");
  private static final Map<String, String> LWS_WORKER =
      Map.of(PodIndexKeys.LWS_NAME, "vllm", PodIndexKeys.LWS_GROUP_INDEX, "2", PodIndexKeys.LWS_WORKER_INDEX, "3");

  @Test
  void lws_pods_are_placed_by_group_and_worker_index() {
    PodPosition p = PodIndex.read(LWS_WORKER, Map.of()).orElseThrow();
    assertThat(p.source()).isEqualTo(PodPosition.Source.LEADER_WORKER_SET);
    assertThat(p.group()).contains(2);
    assertThat(p.index()).isEqualTo(3);
    assertThat(p.isLeader()).isFalse();
    assertThat(PodIndex.read(LWS_LEADER, Map.of()).orElseThrow().isLeader()).isTrue();
  }

  @Test
  void the_job_completion_index_falls_back_to_the_annotation_for_older_pods() {
    PodPosition p =
        PodIndex.read(Map.of(PodIndexKeys.JOB_NAME, "train"), Map.of(PodIndexKeys.JOB_COMPLETION_INDEX, "5")).orElseThrow();
    assertThat(p.source()).isEqualTo(PodPosition.Source.INDEXED_JOB);
    assertThat(p.workload()).contains("train");
    assertThat(p.index()).isEqualTo(5);
  }

  @Test
  void jobset_pods_carry_the_global_job_index_as_their_group() {
    PodPosition p =
        PodIndex.read(
                Map.of(PodIndexKeys.JOBSET_NAME, "js", PodIndexKeys.JOBSET_JOB_GLOBAL_INDEX, "7", PodIndexKeys.JOB_COMPLETION_INDEX, "0"),
                Map.of())
            .orElseThrow();
    assertThat(p.source()).isEqualTo(PodPosition.Source.JOB_SET);
    assertThat(p.group()).contains(7);
    assertThat(p.isLeader()).isTrue();
  }

  @Test
  void statefulset_ordinals_come_from_the_kep_4017_label() {
    PodPosition p =
        PodIndex.read(Map.of(PodIndexKeys.STATEFULSET_POD_INDEX, "1", PodIndexKeys.STATEFULSET_POD_NAME, "db-1"), Map.of()).orElseThrow();
    assertThat(p.workload()).contains("db");
    assertThat(p.index()).isEqualTo(1);
  }

  @Test
  void pods_without_index_labels_have_no_position() {
    assertThat(PodIndex.read(Map.of("app", "x"), Map.of())).isEmpty();
    assertThat(PodIndex.read(Map.of(PodIndexKeys.STATEFULSET_POD_INDEX, "-1"), Map.of())).isEmpty();
  }

  @Test
  void leader_and_worker_selectors_partition_an_lws() {
    assertThat(PodIndex.lwsLeaders("vllm").matches(LWS_LEADER)).isTrue();
    assertThat(PodIndex.lwsLeaders("vllm").matches(LWS_WORKER)).isFalse();
    assertThat(PodIndex.lwsWorkers("vllm").matches(LWS_WORKER)).isTrue();
    assertThat(PodIndex.lwsWorkers("vllm").matches(LWS_LEADER)).isFalse();
    assertThat(PodIndex.lwsGroup("vllm", 2).matches(LWS_WORKER)).isTrue();
  }

  @Test
  void jobset_selectors_pick_completion_index_zero_as_leader() {
    Map<String, String> leader = Map.of(PodIndexKeys.JOBSET_NAME, "js", PodIndexKeys.JOB_COMPLETION_INDEX, "0");
    Map<String, String> worker = Map.of(PodIndexKeys.JOBSET_NAME, "js", PodIndexKeys.JOB_COMPLETION_INDEX, "3");
    assertThat(PodIndex.jobSetLeaders("js", Optional.empty()).matches(leader)).isTrue();
    assertThat(PodIndex.jobSetWorkers("js", Optional.empty()).matches(worker)).isTrue();
    assertThat(PodIndex.jobSetWorkers("js", Optional.empty()).matches(leader)).isFalse();
  }

  @Test
  void not_in_matches_pods_without_the_key_as_the_api_does() {
    LabelSelector s =
        LabelSelector.builder().addMatchExpression(LabelSelector.Requirement.of("tier", LabelSelector.Operator.NotIn, "db")).build();
    assertThat(s.matches(Map.of())).isTrue();
  }

  @Test
  void in_requires_values_and_exists_forbids_them() {
    assertThatThrownBy(() -> LabelSelector.Requirement.of("k", LabelSelector.Operator.In)).isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> LabelSelector.Requirement.of("k", LabelSelector.Operator.Exists, "v")).isInstanceOf(InvalidSpecException.class);
  }
}
