/**
 * LeaderWorkerSet ({@code leaderworkerset.x-k8s.io/v1}) as typed values: groups of one leader and
 * {@code size − 1} workers, their templates, startup, restart, sub-group, rollout and network
 * policies, and the names, labels and environment the LWS controller and webhook give each pod.
 */
@AiInfraStyle
package dev.aiinfra.serving.model.lws;

import dev.aiinfra.core.model.AiInfraStyle;
