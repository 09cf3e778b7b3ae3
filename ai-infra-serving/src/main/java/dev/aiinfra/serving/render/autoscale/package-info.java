/** The HPA ({@code autoscaling/v2}) equivalent of an {@link dev.aiinfra.serving.model.autoscale.AutoscalerSpec}. */
package dev.aiinfra.serving.render.autoscale;
