/** Choosing gVisor or Kata Containers for a sandbox, with the reason. */
@AiInfraStyle
package dev.aiinfra.sandbox.policy.runtime;

import dev.aiinfra.core.model.AiInfraStyle;
