/**
 * The reader seam of the serving module: the prefill/decode planner's GPU and model catalogs (JSON
 * or YAML, supplied by users with {@code --catalog}) read into a {@code PdCatalog}, and a saved
 * {@code pd plan} read back into a deployment builder ({@code serve render --plan-from}), both
 * through core's safe reader with every problem reported with file and field. Builds on
 * {@code dev.aiinfra.core.read}.
 */
package dev.aiinfra.serving.read;
