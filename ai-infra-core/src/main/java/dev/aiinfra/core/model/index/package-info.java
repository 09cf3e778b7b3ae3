/**
 * Pod index labels and environment variables: KEP-4017 ({@code apps.kubernetes.io/pod-index},
 * {@code batch.kubernetes.io/job-completion-index}), LeaderWorkerSet and JobSet keys; readers that
 * place a pod in its group, and selectors for "the leader" and "the workers".
 */
@AiInfraStyle
package dev.aiinfra.core.model.index;

import dev.aiinfra.core.model.AiInfraStyle;
