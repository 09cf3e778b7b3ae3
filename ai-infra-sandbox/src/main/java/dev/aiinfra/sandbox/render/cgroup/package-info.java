/** Pods read into the cgroup v2 model ({@code CgroupPod}) for the kubelet's and runtime's cgroup values. */
package dev.aiinfra.sandbox.render.cgroup;
