/** Model to fabric8 objects and back for gang scheduling: Workload/PodGroup (native, Volcano, Kueue, coscheduling), JobSet wiring, topology-aware gang placement. */
package dev.aiinfra.scheduling.render;
