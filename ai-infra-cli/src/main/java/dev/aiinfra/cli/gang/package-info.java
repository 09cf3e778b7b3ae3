/** {@code ai-infra gang}: offline gang placement. */
package dev.aiinfra.cli.gang;
