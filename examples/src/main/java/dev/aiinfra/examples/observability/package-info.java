/** Example: a serving deployment with its monitors, SLO rules and autoscaler. */
package dev.aiinfra.examples.observability;
