/**
 * The edge between ai-infra's model and Kubernetes objects: fabric8 model objects in and out,
 * deterministic YAML/JSON, the safe reader for user input, pod-template discovery and the
 * manifest bundle. Uses the fabric8 model, never the client.
 */
package dev.aiinfra.core.render;
