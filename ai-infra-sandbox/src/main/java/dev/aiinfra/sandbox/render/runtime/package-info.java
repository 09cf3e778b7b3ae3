/** RuntimeClass objects rendered from {@link dev.aiinfra.sandbox.model.runtime.RuntimeClassSpec}. */
package dev.aiinfra.sandbox.render.runtime;
