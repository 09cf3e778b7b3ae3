package dev.aiinfra.cli.kueue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.policy.kueue.QueueRecipe;
import dev.aiinfra.scheduling.policy.kueue.RecipeFlavor;

/**
 * The {@code kueue recipe} JSON contract, in one place: {@code {"derived","clusterQueue"?,"localQueue"?:
 * {"namespace","name"},"cohort"?,"topology"?:{"name","levels","source"},"coveredResources",
 * "flavors":[{"name","accelerator","nodes","quota":{resource: quantity}}],"reasons":[{"code","severity",
 * "message","hint"?}],"objects":[Kubernetes objects]}}.
 */
final class KueueRecipeJson {
  private KueueRecipeJson() {}

  static ObjectNode of(QueueRecipe r, ManifestBundle bundle) {
    ObjectNode root = JsonOut.object().put("derived", r.derived());
    if (r.derived()) {
      root.put("clusterQueue", r.objects().clusterQueues().get(0).name());
      LocalQueue lq = r.objects().localQueues().get(0);
      root.putObject("localQueue").put("namespace", lq.namespace()).put("name", lq.name());
      r.objects().clusterQueues().get(0).cohortName().ifPresent(c -> root.put("cohort", c));
      root.putObject("topology").put("name", r.objects().topologies().get(0).name())
          .<ObjectNode>set("levels", JsonOut.strings(r.topologyLevels())).put("source", r.topologySource());
    }
    root.set("coveredResources", JsonOut.strings(r.coveredResources()));
    ArrayNode flavors = root.putArray("flavors");
    for (RecipeFlavor f : r.flavors()) {
      ObjectNode fn = flavors.addObject().put("name", f.name()).put("accelerator", f.accelerator());
      fn.set("nodes", JsonOut.strings(f.nodes()));
      ObjectNode quota = fn.putObject("quota");
      f.quota().forEach((res, q) -> quota.put(res, q.toString()));
    }
    ArrayNode reasons = root.putArray("reasons");
    r.diagnostics().forEach(d -> reasons.add(JsonOut.diagnostic(d)));
    root.set("objects", KueueRecipeCommand.objects(bundle));
    return root;
  }
}
