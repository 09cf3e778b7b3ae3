package dev.aiinfra.cli.gang;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.scheduling.policy.placement.DomainCount;
import dev.aiinfra.scheduling.policy.placement.FlavorAssignment;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PodNode;
import dev.aiinfra.scheduling.policy.placement.PodSetResult;
import dev.aiinfra.scheduling.policy.placement.QueueAdmission;
import dev.aiinfra.scheduling.policy.placement.QuotaUsage;
import java.util.List;

/**
 * The {@code gang place} JSON contract, in one place: {@code {"fits","podGroups":[{"name","namespace",
 * "ownerKind"?,"ownerName"?,"group"?,"minCount","placed","fits","admission"?:{"localQueue","clusterQueue",
 * "flavors":[{"podSet","resource","flavor"}],"quota":[{"flavor","resource","requested","used","nominal",
 * "borrowed"}]},"podSets":[{"name","count",
 * "topologyAssignment"?:{"levels","domains":[{"values","count"}]},"placements":[{"pod","node"}]}]}],
 * "reasons":[{"code","message"}]}}.
 */
final class GangPlaceJson {
  private GangPlaceJson() {}

  static ObjectNode of(List<GangResult> gangs, boolean fits) {
    ObjectNode root = JsonOut.object().put("fits", fits);
    ArrayNode groups = root.putArray("podGroups");
    ArrayNode reasons = JsonOut.array();
    for (GangResult g : gangs) {
      ObjectNode gn = groups.addObject().put("name", g.name()).put("namespace", g.namespace());
      g.owner().ifPresent(o -> {
        gn.put("ownerKind", o.kind()).put("ownerName", o.name());
        o.group().ifPresent(group -> gn.put("group", group));
      });
      gn.put("minCount", g.minCount()).put("placed", g.placed()).put("fits", g.fits());
      g.admission().ifPresent(a -> admission(gn.putObject("admission"), a));
      ArrayNode sets = gn.putArray("podSets");
      for (PodSetResult ps : g.podSets()) {
        ObjectNode sn = sets.addObject().put("name", ps.name()).put("count", ps.count());
        ps.topologyAssignment().ifPresent(a -> {
          ObjectNode an = sn.putObject("topologyAssignment");
          an.set("levels", JsonOut.strings(a.levels()));
          ArrayNode ds = an.putArray("domains");
          for (DomainCount d : a.domains()) {
            ds.addObject().<ObjectNode>set("values", JsonOut.strings(d.values())).put("count", d.count());
          }
        });
        ArrayNode pl = sn.putArray("placements");
        for (PodNode p : ps.placements()) {
          pl.addObject().put("pod", p.pod()).put("node", p.node());
        }
      }
      for (Diagnostic d : g.reasons()) {
        reasons.addObject().put("code", d.code()).put("message", g.name() + ": " + d.message());
      }
    }
    root.set("reasons", reasons);
    return root;
  }

  /** A Kueue-queued gang's queues, flavors and the ClusterQueue's quota with the gang counted. */
  private static void admission(ObjectNode an, QueueAdmission a) {
    an.put("localQueue", a.localQueue()).put("clusterQueue", a.clusterQueue());
    ArrayNode flavors = an.putArray("flavors");
    for (FlavorAssignment f : a.flavors()) {
      flavors.addObject().put("podSet", f.podSet()).put("resource", f.resource()).put("flavor", f.flavor());
    }
    ArrayNode quota = an.putArray("quota");
    for (QuotaUsage q : a.quota()) {
      quota.addObject().put("flavor", q.flavor()).put("resource", q.resource()).put("requested", q.requested().toString())
          .put("used", q.used().toString()).put("nominal", q.nominal().toString()).put("borrowed", q.borrowed().toString());
    }
  }
}
