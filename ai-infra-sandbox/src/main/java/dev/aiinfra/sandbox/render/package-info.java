/** Model to fabric8 objects and back for agent sandboxes: Agent Sandbox resources, runtime classes, Pod Security checks, cgroup v2 values. */
package dev.aiinfra.sandbox.render;
