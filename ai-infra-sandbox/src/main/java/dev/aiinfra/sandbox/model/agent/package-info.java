/**
 * Agent Sandbox resources (kubernetes-sigs/agent-sandbox): Sandbox ({@code agents.x-k8s.io}),
 * SandboxTemplate, SandboxClaim and SandboxWarmPool ({@code extensions.agents.x-k8s.io}), at
 * {@code v1beta1} (default) or the deprecated {@code v1alpha1}.
 */
@AiInfraStyle
package dev.aiinfra.sandbox.model.agent;

import dev.aiinfra.core.model.AiInfraStyle;
