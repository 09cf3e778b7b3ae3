/** The node settings that decide a pod's cgroup v2 values: runtime, Kubernetes version, kubelet options. */
@AiInfraStyle
package dev.aiinfra.sandbox.model.cgroup;

import dev.aiinfra.core.model.AiInfraStyle;
