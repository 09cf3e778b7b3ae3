/** cgroup v2 examples: the values the kubelet and the runtime write for a pod. */
package dev.aiinfra.examples.cgroup;
