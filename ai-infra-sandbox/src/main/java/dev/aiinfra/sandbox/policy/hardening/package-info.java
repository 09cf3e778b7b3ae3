/**
 * Applies the hardening preset to a sandbox pod template: Pod Security {@code restricted} settings,
 * user namespaces where the runtime supports them, a writable {@code /tmp} under a read-only root.
 */
package dev.aiinfra.sandbox.policy.hardening;
