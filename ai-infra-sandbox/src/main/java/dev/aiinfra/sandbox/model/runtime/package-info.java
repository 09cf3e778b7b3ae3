/** Sandbox runtimes (gVisor, Kata Containers) and their Kubernetes RuntimeClasses. */
@AiInfraStyle
package dev.aiinfra.sandbox.model.runtime;

import dev.aiinfra.core.model.AiInfraStyle;
