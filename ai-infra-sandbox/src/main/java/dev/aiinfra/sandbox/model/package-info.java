/** Immutable value types (the typed builders) for agent sandboxes: Agent Sandbox resources, runtime classes, Pod Security checks, cgroup v2 values. */
@AiInfraStyle
package dev.aiinfra.sandbox.model;

import dev.aiinfra.core.model.AiInfraStyle;
