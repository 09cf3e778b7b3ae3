/**
 * cgroup v2 values the kubelet and the container runtime write for a pod: CPU shares and their
 * {@code cpu.weight}, CFS quota and {@code cpu.max}.
 */
@AiInfraStyle
package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.AiInfraStyle;
