/**
 * Immutable value types shared by every ai-infra module: cluster profile, diagnostics, field
 * violations, quantities and resource lists, names, pod-index labels.
 */
@AiInfraStyle
package dev.aiinfra.core.model;
