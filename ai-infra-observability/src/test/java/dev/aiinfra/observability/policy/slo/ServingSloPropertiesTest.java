package dev.aiinfra.observability.policy.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.observability.model.rules.Rule;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.model.slo.ServingSlo;
import dev.aiinfra.observability.render.RuleFileRenderer;
import dev.aiinfra.serving.model.deploy.DeploymentStyle;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.model.pd.ServingSla;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Over generated deployments and SLAs: rule identities are unique, rules are stable, output is deterministic. */
class ServingSloPropertiesTest {
  static final Gen<ServingSlo> SLOS = r -> {
    boolean disaggregated = r.nextBoolean();
    ServingDeployment.Builder d = ServingDeployment.builder().name("m" + r.nextInt(1000)).namespace("ns" + r.nextInt(3)).model("org/model")
        .backend(Gen.oneOf(Backend.values()).next(r)).style(disaggregated ? Gen.oneOf(DeploymentStyle.LWS, DeploymentStyle.DISAGGREGATED_SET).next(r) : DeploymentStyle.LWS);
    if (disaggregated) {
      d.prefill(ServingRole.of(ServingRole.Phase.PREFILL, 1 + r.nextInt(4), 1 << r.nextInt(4), 8))
          .decode(ServingRole.of(ServingRole.Phase.DECODE, 1 + r.nextInt(4), 1 << r.nextInt(4), 128));
    } else {
      d.decode(ServingRole.of(ServingRole.Phase.AGGREGATED, 1 + r.nextInt(4), 1 << r.nextInt(4), 128));
    }
    ServingSla.Builder sla = ServingSla.builder().ttftMs(Gen.oneOf(50.0, 250.0, 300.0, 1000.0, 2000.0, 5000.0).next(r));
    if (r.nextBoolean()) {
      sla.tpotMs(Gen.oneOf(5.0, 10.0, 30.0, 50.0, 100.0).next(r));
    } else {
      sla.requestLatencyMs(Gen.oneOf(10000.0, 30000.0, 45000.0).next(r));
    }
    return ServingSlo.of(d.build(), sla.build()).withObjective(Gen.oneOf(0.95, 0.99, 0.995, 0.999).next(r));
  };

  @Test
  void rule_identities_are_unique_across_the_rule_set() {
    Seeds.of(5).forEach(seed -> Property.forAll(seed, SLOS, 40, slo -> {
      RuleSet set = ServingSloRules.of(slo).rules();
      Set<String> seen = new HashSet<>();
      set.rules().map(Rule::identity).forEach(id -> assertThat(seen.add(id)).as(id).isTrue());
    }));
  }

  @Test
  void the_same_slo_renders_the_same_rule_file() {
    Seeds.of(5).forEach(seed -> Property.forAll(seed, SLOS, 40, slo -> {
      ServingSlo copy = ServingSlo.builder().from(slo).build();
      assertThat(RuleFileRenderer.render(ServingSloRules.of(copy).rules())).isEqualTo(RuleFileRenderer.render(ServingSloRules.of(slo).rules()));
    }));
  }

  @Test
  void alert_and_group_names_depend_only_on_the_deployment_name_and_the_slis() {
    Seeds.of(5).forEach(seed -> Property.forAll(seed, SLOS, 40, slo -> {
      RuleSet set = ServingSloRules.of(slo).rules();
      assertThat(set.name()).isEqualTo(slo.name() + "-serving-slo");
      assertThat(set.groups()).allSatisfy(g -> assertThat(g.name()).startsWith("serving-" + slo.name() + "-"));
      assertThat(set.alerts()).allSatisfy(a -> assertThat(a.alert()).matches("Serving(Ttft|Itl|RequestLatency)BudgetBurn(Page|Ticket)|ServingKvCacheNearlyFull"));
    }));
  }

  @Test
  void every_error_ratio_reads_a_bucket_bound_the_engine_has_when_its_bounds_are_known() {
    Seeds.of(5).forEach(seed -> Property.forAll(seed, SLOS, 40, slo -> ServingSloRules.of(slo).rules().recordingRules().stream()
        .filter(r -> r.record().startsWith("serving:slo_errors:"))
        .forEach(r -> {
          String le = r.expr().replaceAll("(?s).*[{,]le=\"([^\"]+)\".*", "$1");
          var h = switch (r.labels().get("slo")) {
            case "ttft" -> slo.engine().ttft();
            case "itl" -> slo.engine().interTokenLatency();
            default -> slo.engine().requestLatency();
          };
          if (h.boundsKnown()) {
            assertThat(h.hasBound(Double.parseDouble(le))).as(r.expr()).isTrue();
          }
        })));
  }
}
