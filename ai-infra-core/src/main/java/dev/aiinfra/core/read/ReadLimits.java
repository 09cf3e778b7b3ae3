package dev.aiinfra.core.read;

/**
 * Bounds on user input, so that hostile or broken files fail fast with a clear error instead of
 * exhausting memory or time: bytes per input, characters per document (counted before the document
 * is parsed), YAML aliases (every alias, of a scalar too), nodes that aliases may add when they are
 * expanded (a billion-laughs document stays small with few aliases), nesting depth and documents
 * per input. {@link #allowUnknownKinds()} lets documents of unknown kinds in known
 * API groups through (for {@code apply}); offline evaluation keeps it off. {@link #allowUnnamed()}
 * lets objects with neither name nor generateName through (for {@code validate}, which reports
 * them as the API server does).
 */
public final class ReadLimits {
  private final long maxInputBytes;
  private final int maxDocumentChars;
  private final int maxAliases;
  private final int maxAliasNodes;
  private final int maxNesting;
  private final int maxDocuments;
  private final boolean allowUnknownKinds;
  private final boolean allowUnnamed;

  private ReadLimits(long maxInputBytes, int maxDocumentChars, int maxAliases, int maxAliasNodes, int maxNesting, int maxDocuments,
      boolean allowUnknownKinds, boolean allowUnnamed) {
    this.maxInputBytes = maxInputBytes;
    this.maxDocumentChars = maxDocumentChars;
    this.maxAliases = maxAliases;
    this.maxAliasNodes = maxAliasNodes;
    this.maxNesting = maxNesting;
    this.maxDocuments = maxDocuments;
    this.allowUnknownKinds = allowUnknownKinds;
    this.allowUnnamed = allowUnnamed;
  }

  /**
   * 32 MiB per input, 8 Mi characters per document, 50 aliases, 100,000 nodes added by aliases,
   * nesting 100, 100,000 documents.
   */
  public static ReadLimits defaults() {
    return new ReadLimits(32L << 20, 8 << 20, 50, 100_000, 100, 100_000, false, false);
  }

  public ReadLimits withMaxInputBytes(long bytes) {
    return new ReadLimits(bytes, maxDocumentChars, maxAliases, maxAliasNodes, maxNesting, maxDocuments, allowUnknownKinds, allowUnnamed);
  }

  public ReadLimits withMaxDocumentChars(int chars) {
    return new ReadLimits(maxInputBytes, chars, maxAliases, maxAliasNodes, maxNesting, maxDocuments, allowUnknownKinds, allowUnnamed);
  }

  public ReadLimits withMaxAliases(int aliases) {
    return new ReadLimits(maxInputBytes, maxDocumentChars, aliases, maxAliasNodes, maxNesting, maxDocuments, allowUnknownKinds, allowUnnamed);
  }

  public ReadLimits withMaxAliasNodes(int nodes) {
    return new ReadLimits(maxInputBytes, maxDocumentChars, maxAliases, nodes, maxNesting, maxDocuments, allowUnknownKinds, allowUnnamed);
  }

  public ReadLimits withMaxNesting(int depth) {
    return new ReadLimits(maxInputBytes, maxDocumentChars, maxAliases, maxAliasNodes, depth, maxDocuments, allowUnknownKinds, allowUnnamed);
  }

  public ReadLimits withMaxDocuments(int documents) {
    return new ReadLimits(maxInputBytes, maxDocumentChars, maxAliases, maxAliasNodes, maxNesting, documents, allowUnknownKinds, allowUnnamed);
  }

  public ReadLimits withAllowUnknownKinds(boolean allow) {
    return new ReadLimits(maxInputBytes, maxDocumentChars, maxAliases, maxAliasNodes, maxNesting, maxDocuments, allow, allowUnnamed);
  }

  public ReadLimits withAllowUnnamed(boolean allow) {
    return new ReadLimits(maxInputBytes, maxDocumentChars, maxAliases, maxAliasNodes, maxNesting, maxDocuments, allowUnknownKinds, allow);
  }

  public boolean allowUnnamed() {
    return allowUnnamed;
  }

  public long maxInputBytes() {
    return maxInputBytes;
  }

  public int maxDocumentChars() {
    return maxDocumentChars;
  }

  public int maxAliases() {
    return maxAliases;
  }

  /** Nodes that expanding aliases may add to one document (a scalar is one node, a map or list one plus its contents). */
  public int maxAliasNodes() {
    return maxAliasNodes;
  }

  public int maxNesting() {
    return maxNesting;
  }

  public int maxDocuments() {
    return maxDocuments;
  }

  public boolean allowUnknownKinds() {
    return allowUnknownKinds;
  }
}
