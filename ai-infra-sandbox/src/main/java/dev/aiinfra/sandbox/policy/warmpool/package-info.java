/** Sizing a SandboxWarmPool so that a claim rarely waits for a cold start. */
@AiInfraStyle
package dev.aiinfra.sandbox.policy.warmpool;

import dev.aiinfra.core.model.AiInfraStyle;
