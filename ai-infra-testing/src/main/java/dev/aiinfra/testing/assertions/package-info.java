/**
 * Fluent AssertJ assertions over ai-infra's results, one entry point: {@link
 * dev.aiinfra.testing.assertions.AiInfraAssertions#assertThat} (which also carries every AssertJ
 * assertion). A failing expectation says what was expected and what the result holds instead: the
 * reasons' codes and messages, the allocated devices, the violations with their paths.
 */
package dev.aiinfra.testing.assertions;
