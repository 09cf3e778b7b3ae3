package dev.aiinfra.cli.kueue;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputFormat;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.read.ClusterModelReader;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.ManifestWriter;
import dev.aiinfra.scheduling.model.kueue.QueueRecipeOptions;
import dev.aiinfra.scheduling.policy.kueue.GpuQueueRecipe;
import dev.aiinfra.scheduling.policy.kueue.QueueRecipe;
import dev.aiinfra.scheduling.policy.kueue.RecipeFlavor;
import dev.aiinfra.scheduling.render.KueueRenderer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra kueue recipe}: a TAS-enabled Kueue GPU queue set for the given nodes. Exit 0 with
 * the queue set, 1 when no node carries the accelerator label, 2 for invalid input or options.
 * {@code -o yaml} writes the objects themselves (for {@code kubectl apply -f -}); {@code -o json} the
 * JSON contract, objects included.
 */
@Command(name = "recipe",
    description = "Derive a topology-aware Kueue GPU queue set (Topology, ResourceFlavors, ClusterQueue, LocalQueue, Cohort) from nodes.")
public final class KueueRecipeCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Option(names = "--queue", defaultValue = "gpu", paramLabel = "NAME",
      description = "Name of the ClusterQueue and the LocalQueue (the Topology is NAME-topology). Default: ${DEFAULT-VALUE}.")
  String queue;

  @Option(names = "--namespace", defaultValue = "default", paramLabel = "NS", description = "Namespace of the LocalQueue. Default: ${DEFAULT-VALUE}.")
  String namespace;

  @Option(names = "--cohort", paramLabel = "NAME", description = "Cohort the ClusterQueue joins (a Cohort object is written too). Default: none.")
  String cohort;

  @Option(names = "--accelerator-label", defaultValue = QueueRecipeOptions.NVIDIA_GPU_PRODUCT, paramLabel = "KEY",
      description = "Node label whose values tell accelerators apart: one ResourceFlavor per value. Default: ${DEFAULT-VALUE}.")
  String acceleratorLabel;

  @Option(names = "--topology-levels", split = ",", paramLabel = "k1,k2,...",
      description = "Node label keys of the Topology from the top level to the lowest."
          + " Default: detected (GKE block/sub-block, EKS network layers, block/rack), else kubernetes.io/hostname.")
  List<String> levels = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (a table of flavors and quotas), yaml (the Kueue objects, for kubectl apply) or json (the JSON contract). Default: ${DEFAULT-VALUE}.")
  OutputFormat format = OutputFormat.text;

  private static final Map<String, String> FLAGS = Map.of("queueName", "--queue", "namespace", "--namespace", "cohort", "--cohort",
      "acceleratorLabel", "--accelerator-label", "topologyLevels", "--topology-levels");

  @Override
  public Integer call() {
    QueueRecipeOptions options = options();
    var objects = input.read();
    Cluster cluster = ClusterModelReader.read(objects);
    if (cluster.nodes().isEmpty()) {
      throw new UsageException(sources() + ": no Node in the input: give the cluster's nodes (kubectl get nodes -o yaml > nodes.yaml; -f nodes.yaml)");
    }
    QueueRecipe recipe;
    ManifestBundle bundle;
    try {
      recipe = GpuQueueRecipe.derive(cluster, options);
      bundle = recipe.derived() ? KueueRenderer.bundle(recipe.objects()) : ManifestBundle.builder().build();
    } catch (InvalidSpecException e) {
      // node labels or taints the API server would never have accepted, carried into a Kueue object
      throw new UsageException(sources() + ": the nodes give Kueue objects Kueue would refuse: "
          + e.violations().stream().map(Object::toString).collect(Collectors.joining("; ")));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    switch (format) {
      case json -> dev.aiinfra.cli.output.JsonOut.print(out, KueueRecipeJson.of(recipe, bundle));
      case yaml -> {
        out.print(bundle.toYaml());
        out.flush();
        recipe.diagnostics().forEach(d -> err.println(prefix(d) + d.code() + ": " + d.message()));
      }
      default -> text(out, recipe);
    }
    err.flush();
    return recipe.derived() ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  private QueueRecipeOptions options() {
    try {
      QueueRecipeOptions.Builder b = QueueRecipeOptions.builder().queueName(queue).namespace(namespace)
          .acceleratorLabel(acceleratorLabel).topologyLevels(levels);
      if (cohort != null) {
        b.cohort(cohort);
      }
      return b.build();
    } catch (InvalidSpecException e) {
      throw new UsageException(e.violations().stream()
          .map(v -> flag(v.field()) + ": " + v.message())
          .collect(Collectors.joining("; ")));
    }
  }

  /** The input files as errors name them. */
  private String sources() {
    return input.files().stream().map(f -> f.equals("-") ? "<stdin>" : f).collect(Collectors.joining(", "));
  }

  private static String flag(String field) {
    String head = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
    return FLAGS.getOrDefault(head, field);
  }

  private static String prefix(Diagnostic d) {
    return switch (d.severity()) {
      case ERROR -> "error: ";
      case WARNING -> "warning: ";
      default -> "note: ";
    };
  }

  private static void text(PrintWriter out, QueueRecipe r) {
    if (r.derived()) {
      List<String> header = new ArrayList<>(List.of("FLAVOR", "ACCELERATOR", "NODES"));
      header.addAll(r.coveredResources().stream().map(String::toUpperCase).toList());
      TextTable t = new TextTable(header.toArray(String[]::new));
      for (RecipeFlavor f : r.flavors()) {
        List<Object> row = new ArrayList<>(List.of(f.name(), f.accelerator(), f.nodes().size()));
        r.coveredResources().forEach(res -> row.add(f.quota().get(res).toString()));
        t.row(row.toArray());
      }
      t.print(out);
      String cq = r.objects().clusterQueues().get(0).name();
      var lq = r.objects().localQueues().get(0);
      out.println("topology " + r.objects().topologies().get(0).name() + " (" + r.topologySource() + "): " + String.join(", ", r.topologyLevels()));
      out.println("ClusterQueue " + cq + r.objects().clusterQueues().get(0).cohortName().map(c -> " in cohort " + c).orElse("")
          + ", LocalQueue " + lq.namespace() + "/" + lq.name() + "; label workloads kueue.x-k8s.io/queue-name: " + lq.name());
    }
    for (Diagnostic d : r.diagnostics()) {
      out.println(prefix(d) + d.code() + ": " + d.message() + d.hint().map(h -> " (" + h + ")").orElse(""));
    }
    out.println(r.derived() ? "write the objects with -o yaml" : "no queue set derived");
    out.flush();
  }

  /** The objects as the JSON contract carries them. */
  static com.fasterxml.jackson.databind.node.ArrayNode objects(ManifestBundle bundle) {
    com.fasterxml.jackson.databind.node.ArrayNode a = dev.aiinfra.cli.output.JsonOut.array();
    bundle.objects().forEach(o -> a.add(ManifestWriter.canonical(o)));
    return a;
  }
}
