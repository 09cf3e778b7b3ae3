/** Typed pod templates to fabric8 {@code PodTemplateSpec}s. */
package dev.aiinfra.core.render.workload;
