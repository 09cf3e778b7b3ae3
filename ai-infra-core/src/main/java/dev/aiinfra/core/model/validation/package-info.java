/**
 * Kubernetes naming rules (DNS-1123 labels and subdomains, DNS-1035 labels, qualified names, label
 * values, IP literals) and a collector that gathers every {@code FieldViolation} before failing,
 * with the API server's error types and wording.
 */
package dev.aiinfra.core.model.validation;
