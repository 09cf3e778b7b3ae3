/** {@code ai-infra observe}: monitors, rules and scalers for the workloads in the input. */
package dev.aiinfra.cli.observe;
