package dev.aiinfra.core.render.dns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.dns.DnsAnnotations;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.core.model.manifest.ObjectKey;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.policy.dns.NdotsAdvice;
import dev.aiinfra.core.policy.dns.NdotsAdvisor;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.PodTemplateSite;
import dev.aiinfra.core.render.PodTemplates;
import dev.aiinfra.core.json.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Applies {@link NdotsAdvisor} to every pod template of a bundle (Pod, Deployment, StatefulSet,
 * DaemonSet, Job, CronJob, JobSet, LeaderWorkerSet, Sandbox, ...). Each object's lookups are the
 * common ones plus those named in its {@link DnsAnnotations}; its resolver is the annotated one or
 * the default. Objects without pod templates pass through unchanged.
 */
public final class DnsTuning {
  private DnsTuning() {}

  public static TunedBundle tune(
      ManifestBundle bundle,
      KubeletDnsSettings kubelet,
      List<DnsLookup> commonLookups,
      ResolverFlavor defaultFlavor,
      OptionalInt forcedNdots) {
    List<TemplateAdvice> advice = new ArrayList<>();
    List<FieldViolation> invalid = new ArrayList<>();
    ManifestBundle.Builder out = ManifestBundle.builder();
    for (HasMetadata object : bundle.objects()) {
      if (!PodTemplates.hasPodTemplates(object.getApiVersion(), object.getKind())) {
        out.add(object);
        continue;
      }
      ObjectKey key = ManifestBundle.keyOf(object);
      ObjectNode tree = Json.mapper().valueToTree(object);
      Map<String, String> annotations =
          object.getMetadata().getAnnotations() == null ? Map.of() : object.getMetadata().getAnnotations();
      List<DnsLookup> lookups = new ArrayList<>(commonLookups);
      names(annotations.get(DnsAnnotations.EXTERNAL_NAMES)).forEach(n -> lookups.add(DnsLookup.external(n)));
      names(annotations.get(DnsAnnotations.IN_CLUSTER_NAMES)).forEach(n -> lookups.add(DnsLookup.inCluster(n)));
      ResolverFlavor flavor = flavor(annotations.get(DnsAnnotations.RESOLVER), defaultFlavor);
      String ns = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
      boolean changed = false;
      for (PodTemplateSite site : PodTemplates.find(tree)) {
        PodDnsReading reading = PodDnsTrees.read(site.podSpec(), ns, FieldPath.of(site.path()));
        if (!reading.isValid()) {
          reading.violations().forEach(v -> invalid.add(v.under(FieldPath.of(key.toString()))));
          continue;
        }
        PodDns pod = reading.podDns().get();
        NdotsAdvice a = NdotsAdvisor.advise(pod, kubelet, lookups, flavor, forcedNdots);
        advice.add(new TemplateAdvice(key, site.path(), a));
        if (a.changed() || forcedNdots.isPresent()) {
          PodDnsTrees.writeConfig(site.podSpec(), a.tuned().dnsConfig());
          changed = true;
        }
      }
      out.add(changed ? fromTree(tree, object.getClass()) : object);
    }
    if (!invalid.isEmpty()) {
      throw new InvalidSpecException(invalid);
    }
    return new TunedBundle(out.build(), advice);
  }

  private static List<String> names(String csv) {
    List<String> out = new ArrayList<>();
    if (csv != null) {
      for (String n : csv.split(",")) {
        if (!n.isBlank()) {
          out.add(n.trim());
        }
      }
    }
    return out;
  }

  private static ResolverFlavor flavor(String annotation, ResolverFlavor fallback) {
    if (annotation == null || annotation.isBlank()) {
      return fallback;
    }
    return annotation.trim().toLowerCase(Locale.ROOT).equals("musl") ? ResolverFlavor.MUSL : ResolverFlavor.GLIBC;
  }

  private static HasMetadata fromTree(ObjectNode tree, Class<? extends HasMetadata> type) {
    try {
      return Json.mapper().treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("re-reading a tuned " + type.getSimpleName() + " failed", e);
    }
  }
}
