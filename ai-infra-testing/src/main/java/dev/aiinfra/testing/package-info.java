/**
 * Seeded random generators and fixture builders for property tests of ai-infra policies, published
 * so users can test their own policies the same way.
 */
package dev.aiinfra.testing;
