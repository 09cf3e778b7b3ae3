/** {@code ai-infra dns}: the kubelet's resolv.conf for a pod, the resolver's query walk, ndots tuning. */
package dev.aiinfra.cli.dns;
