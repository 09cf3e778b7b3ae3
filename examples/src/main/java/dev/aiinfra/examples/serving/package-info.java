/** LLM serving examples: prefill/decode planning and the deployment it renders. */
package dev.aiinfra.examples.serving;
