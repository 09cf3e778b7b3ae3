/** Pure, deterministic policies over the model for gang scheduling: Workload/PodGroup (native, Volcano, Kueue, coscheduling), JobSet wiring, topology-aware gang placement. */
@AiInfraStyle
package dev.aiinfra.scheduling.policy;

import dev.aiinfra.core.model.AiInfraStyle;
