/** Agent sandbox examples: isolated GPU sandboxes with a warm pool, Pod Security and cgroup values. */
package dev.aiinfra.examples.sandbox;
