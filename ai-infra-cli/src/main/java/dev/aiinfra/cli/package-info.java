/**
 * The {@code ai-infra} command: offline evaluation over Kubernetes YAML, rendering and apply. Every
 * subcommand is a thin call into the library; the exit codes are 0 (done, fits), 1 (evaluated and
 * negative), 2 (invalid input or usage) and 3 (cluster or internal error).
 */
package dev.aiinfra.cli;
