/** Generators of valid and targeted-invalid Kubernetes objects for API validation. */
package dev.aiinfra.testing.validation;
