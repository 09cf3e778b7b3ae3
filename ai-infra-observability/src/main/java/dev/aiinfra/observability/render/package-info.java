/** Model to fabric8 objects and back for observability: pod-index-aware selectors, PodMonitor/ServiceMonitor/PrometheusRule builders, SLO rules. */
package dev.aiinfra.observability.render;
