/** Immutable value types (the typed builders) for gang scheduling: Workload/PodGroup (native, Volcano, Kueue, coscheduling), JobSet wiring, topology-aware gang placement. */
@AiInfraStyle
package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.AiInfraStyle;
