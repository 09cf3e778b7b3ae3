/** LeaderWorkerSet objects rendered from {@link dev.aiinfra.serving.model.lws.LeaderWorkerSetSpec}. */
package dev.aiinfra.serving.render.lws;
