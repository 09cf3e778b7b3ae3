/** The catalog of examples that {@code ai-infra render} and {@code ai-infra demo} use. */
package dev.aiinfra.examples.catalog;
