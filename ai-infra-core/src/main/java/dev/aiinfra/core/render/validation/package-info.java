/**
 * Offline validation of Kubernetes objects with the API server's rules and error types, as
 * pluggable {@link dev.aiinfra.core.render.validation.ObjectRule}s that other modules add to.
 */
package dev.aiinfra.core.render.validation;
