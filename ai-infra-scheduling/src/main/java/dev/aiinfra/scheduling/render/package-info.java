/**
 * Model to fabric8 objects for gang scheduling: Workload/PodGroup (native, Volcano, Kueue,
 * coscheduling), JobSet rendering and gang wiring into Jobs, JobSets, LeaderWorkerSets and
 * StatefulSets. Reading placement input is the reader seam's ({@code dev.aiinfra.scheduling.read}).
 */
package dev.aiinfra.scheduling.render;
