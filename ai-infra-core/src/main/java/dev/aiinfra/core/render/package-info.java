/**
 * The edge between ai-infra's model and Kubernetes objects: fabric8 model objects in and out,
 * deterministic YAML/JSON output, pod-template discovery and the manifest bundle. Uses the fabric8
 * model, never the client. Reading user input is the reader seam's ({@code dev.aiinfra.core.read}),
 * which builds on this package; nothing here uses a reader.
 */
package dev.aiinfra.core.render;
