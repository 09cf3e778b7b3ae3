/**
 * Renders Agent Sandbox resources (Sandbox, SandboxTemplate, SandboxWarmPool, SandboxClaim) with the
 * hardening preset applied, and default-deny egress NetworkPolicies.
 */
package dev.aiinfra.sandbox.render.agent;
