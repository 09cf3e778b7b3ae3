/** {@code ai-infra pss}: Pod Security Standards checks over Pods and pod templates. */
package dev.aiinfra.cli.pss;
