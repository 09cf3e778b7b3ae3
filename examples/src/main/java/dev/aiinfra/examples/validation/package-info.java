/** Validation examples: objects checked offline with the API server's field rules. */
package dev.aiinfra.examples.validation;
