/** Gang scheduling examples: a JobSet gang placed on a sample GPU cluster straight from its typed specs. */
package dev.aiinfra.examples.gang;
