package dev.aiinfra.core.model.profile;

/** Maturity of a feature gate in one release; GA gates are usually locked to their default. */
public enum FeatureStage {
  ALPHA,
  BETA,
  GA,
  DEPRECATED
}
