/** {@code ai-infra dra}: offline Dynamic Resource Allocation checks. */
package dev.aiinfra.cli.dra;
