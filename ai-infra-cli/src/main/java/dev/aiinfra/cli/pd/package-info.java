/** {@code ai-infra pd}: prefill/decode planning (aggregated vs disaggregated serving). */
package dev.aiinfra.cli.pd;
