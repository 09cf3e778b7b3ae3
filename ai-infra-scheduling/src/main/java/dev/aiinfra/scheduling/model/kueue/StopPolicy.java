package dev.aiinfra.scheduling.model.kueue;

/** Whether a queue admits ({@code None}, default), holds new admissions ({@code Hold}) or also evicts ({@code HoldAndDrain}). */
public enum StopPolicy {
  None,
  Hold,
  HoldAndDrain
}
