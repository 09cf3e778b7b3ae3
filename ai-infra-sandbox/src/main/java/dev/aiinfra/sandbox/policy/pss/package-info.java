/**
 * The Pod Security Standards checks (Pod Security Admission, KEP-2579) at the baseline and
 * restricted levels, policy versions v1.0 to v1.37 and latest: one small check per upstream check
 * ID, evaluated without short-circuit, with upstream's overrides, version entries and relaxations.
 */
package dev.aiinfra.sandbox.policy.pss;
