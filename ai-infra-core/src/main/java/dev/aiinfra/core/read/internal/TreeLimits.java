package dev.aiinfra.core.read.internal;

/**
 * The bounds {@link YamlTrees} and {@link JsonDocuments} read within; built from the public
 * {@code ReadLimits} (kept apart so this package does not depend back on its parent).
 */
public record TreeLimits(int maxDocumentChars, int maxDocuments, int maxAliases, int maxAliasNodes, int maxNesting) {}
