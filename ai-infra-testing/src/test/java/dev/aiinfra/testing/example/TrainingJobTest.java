package dev.aiinfra.testing.example;

import static dev.aiinfra.sandbox.model.pss.PodSecurityLevel.BASELINE;
import static dev.aiinfra.sandbox.model.pss.PodSecurityLevel.RESTRICTED;
import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThat;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.render.pss.PodSecurityReviews;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.render.JobSetRenderer;
import dev.aiinfra.testing.fixtures.Gpus;
import dev.aiinfra.testing.fixtures.TestCluster;
import dev.aiinfra.testing.fixtures.TestClusters;
import dev.aiinfra.testing.fixtures.Workloads;
import org.junit.jupiter.api.Test;

/** A training job checked in a unit test: where its gang lands, its GPU claim, its Pod Security level. */
class TrainingJobTest {
  static final String RACK = "topology.example.com/rack";
  static final Gpus H100 = Gpus.h100(8);
  /** Two racks of two nodes, eight H100s each (allocatable and as DRA ResourceSlices). */
  static final TestCluster CLUSTER = TestClusters.nodes(4).gpus(H100).zone("us-east-1a").spread(RACK, 2);

  @Test
  void two_full_nodes_fit_in_one_rack() {
    assertThat(CLUSTER.place(Workloads.gang("train").kueue().pods(2).gpusPerPod(8).requiredTopology(RACK).build()))
        .fits()
        .gang("train").landsIn("rack-0/node-0=1", "rack-0/node-1=1");
  }

  @Test
  void three_full_nodes_do_not_fit_in_one_rack() {
    assertThat(CLUSTER.place(Workloads.gang("train").kueue().pods(3).gpusPerPod(8).requiredTopology(RACK).build()))
        .doesNotFit()
        .because("GANG_TOPOLOGY_NOT_FIT");
  }

  @Test
  void a_claim_for_two_gpus_gets_two_devices_of_the_node() {
    assertThat(CLUSTER.allocate("node-0", H100.claim("train-gpus", 2)))
        .isSatisfiable()
        .allocates("gpu", 2);
  }

  @Test
  void the_jobset_needs_hardening_before_a_restricted_namespace_admits_it() {
    JobSetSpec jobSet = Workloads.jobSet("train").namespace("ml").workers(2, 8).gpusPerPod(1).build();

    assertThat(PodSecurityReviews.review(JobSetRenderer.render(jobSet, ClusterProfile.defaults()).object(), PodSecurityVersion.latest()))
        .isAllowedAt(BASELINE)
        .violatesAt(RESTRICTED, "runAsNonRoot", "seccompProfile_restricted");
  }
}
