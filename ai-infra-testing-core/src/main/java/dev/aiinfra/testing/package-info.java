/**
 * Seeded random generators ({@link dev.aiinfra.testing.Gen}), replayable seeds ({@link
 * dev.aiinfra.testing.Seeds}) and a property runner ({@link dev.aiinfra.testing.Property}) for
 * property tests of ai-infra policies and of users' own. No test framework is required.
 */
package dev.aiinfra.testing;
