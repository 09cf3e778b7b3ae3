package dev.aiinfra.sandbox.policy.runtime;

import dev.aiinfra.core.model.Diagnostic;
import java.util.List;
import java.util.Optional;

/** The runtime chosen for a sandbox (absent when none fits) and why. */
public record RuntimeChoice(Optional<SandboxRuntime> runtime, List<Diagnostic> reasons) {}
