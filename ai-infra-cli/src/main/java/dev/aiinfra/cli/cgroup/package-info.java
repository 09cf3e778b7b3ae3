/** {@code ai-infra cgroup}: the cgroup v2 values the kubelet and runtime write. */
package dev.aiinfra.cli.cgroup;
