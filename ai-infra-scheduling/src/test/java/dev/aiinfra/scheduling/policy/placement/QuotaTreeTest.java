package dev.aiinfra.scheduling.policy.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.scheduling.policy.placement.QuotaTree.FlavorResource;
import dev.aiinfra.scheduling.policy.placement.QuotaTree.Quota;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Kueue's cohort arithmetic: what a ClusterQueue can use now and at most, with borrowing and lending limits. */
class QuotaTreeTest {
  private static final FlavorResource GPU = new FlavorResource("h100", "nvidia.com/gpu");

  private static QuotaTree twoQueues(Quota a, Quota b) {
    QuotaTree t = new QuotaTree();
    QuotaTree.Node cohort = t.cohort("research");
    QuotaTree.Node qa = t.clusterQueue("a");
    QuotaTree.Node qb = t.clusterQueue("b");
    qa.quotas.put(GPU, a);
    qb.quotas.put(GPU, b);
    QuotaTree.link(qa, cohort);
    QuotaTree.link(qb, cohort);
    t.computeSubtrees();
    return t;
  }

  private static Quota nominal(long n) {
    return new Quota(n, OptionalLong.empty(), OptionalLong.empty());
  }

  @Test
  void a_queue_in_a_cohort_can_borrow_what_the_others_do_not_use() {
    QuotaTree t = twoQueues(nominal(8), nominal(8));

    assertThat(QuotaTree.available(t.findClusterQueue("a"), GPU)).isEqualTo(16);
    assertThat(QuotaTree.potentialAvailable(t.findClusterQueue("a"), GPU)).isEqualTo(16);
  }

  @Test
  void a_borrowing_limit_caps_what_a_queue_takes_from_the_cohort() {
    QuotaTree t = twoQueues(new Quota(8, OptionalLong.of(2), OptionalLong.empty()), nominal(8));

    assertThat(QuotaTree.available(t.findClusterQueue("a"), GPU)).isEqualTo(10);
    assertThat(QuotaTree.potentialAvailable(t.findClusterQueue("a"), GPU)).isEqualTo(10);
  }

  @Test
  void a_lending_limit_keeps_the_rest_of_the_quota_for_its_own_queue() {
    QuotaTree t = twoQueues(nominal(8), new Quota(8, OptionalLong.empty(), OptionalLong.of(3)));

    assertThat(QuotaTree.potentialAvailable(t.findClusterQueue("a"), GPU)).isEqualTo(11);
    assertThat(QuotaTree.available(t.findClusterQueue("b"), GPU)).isEqualTo(16);
  }

  @Test
  void usage_beyond_the_local_part_is_taken_from_the_cohort() {
    QuotaTree t = twoQueues(nominal(8), nominal(8));
    QuotaTree.addUsage(t.findClusterQueue("a"), GPU, 12);

    assertThat(QuotaTree.available(t.findClusterQueue("b"), GPU)).isEqualTo(4);
    assertThat(QuotaTree.borrows(t.findClusterQueue("a"), GPU)).isTrue();
  }

  @Test
  void a_queue_without_a_cohort_has_its_nominal_quota() {
    QuotaTree t = new QuotaTree();
    QuotaTree.Node q = t.clusterQueue("alone");
    q.quotas.put(GPU, new Quota(8, OptionalLong.of(4), OptionalLong.empty()));
    t.computeSubtrees();
    QuotaTree.addUsage(q, GPU, 3);

    assertThat(QuotaTree.available(q, GPU)).isEqualTo(5);
    assertThat(QuotaTree.potentialAvailable(q, GPU)).isEqualTo(8);
  }
}
