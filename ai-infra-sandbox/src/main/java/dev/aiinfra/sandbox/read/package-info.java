/**
 * The reader seam of the sandbox module: Pods read into the cgroup v2 model ({@code CgroupPod}) for
 * the kubelet's and runtime's cgroup values, and a whole input reviewed against the Pod Security
 * Standards as Pod Security Admission judges each object, every problem reported with file,
 * document and field. Builds on {@code dev.aiinfra.core.read}; the object ↔ model views it uses
 * ({@code PodSecurityReviews}, {@code PodSecurityTrees}) stay in {@code render}.
 */
package dev.aiinfra.sandbox.read;
