/** Pure, deterministic policies over the model for agent sandboxes: Agent Sandbox resources, runtime classes, Pod Security checks, cgroup v2 values. */
@AiInfraStyle
package dev.aiinfra.sandbox.policy;

import dev.aiinfra.core.model.AiInfraStyle;
