/**
 * What the monitors need to know of a workload: its kind, name, the labels its pods carry, its
 * metrics port and Service, and which pod labels hold its pod index, group, worker and role ({@link
 * dev.aiinfra.observability.model.workload.MonitoredWorkload}).
 */
@AiInfraStyle
package dev.aiinfra.observability.model.workload;

import dev.aiinfra.core.model.AiInfraStyle;
