package dev.aiinfra.conformance.apiserver;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension behind {@link RealApiServer}: resolves {@link ApiServer} parameters with ONE
 * control plane per JVM, kept in the root context's store so that it is stopped (and its data
 * removed) when the whole test run ends. Without {@code -Dai-infra.controlplane=PATH} the tests are
 * skipped with the reason printed, so {@code ./mvnw verify} needs neither Go nor a server.
 */
public final class ApiServerExtension implements ExecutionCondition, ParameterResolver {
  /** System property naming the binary printed by {@code conformance/cluster/build}. */
  public static final String BINARY_PROPERTY = "ai-infra.controlplane";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ApiServerExtension.class);
  private static volatile boolean skipPrinted;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String why = whyUnavailable();
    if (why == null) {
      return ConditionEvaluationResult.enabled("control plane " + System.getProperty(BINARY_PROPERTY));
    }
    if (!skipPrinted) {
      skipPrinted = true;
      System.out.println("[apiserver] tests against a real API server SKIPPED: " + why);
    }
    return ConditionEvaluationResult.disabled(why);
  }

  /** Null when the binary is given and executable, else why the tests cannot run. */
  static String whyUnavailable() {
    String given = System.getProperty(BINARY_PROPERTY, "");
    if (given.isBlank()) {
      return "-D" + BINARY_PROPERTY + "=PATH is not set (build the control plane with conformance/cluster/build;"
          + " .ci/run does both)";
    }
    if (!Files.isExecutable(Path.of(given))) {
      return "-D" + BINARY_PROPERTY + "=" + given + " is not an executable file";
    }
    return null;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == ApiServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return server(extensionContext);
  }

  /** The JVM's one server, started on first use. */
  static ApiServer server(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    return store.getOrComputeIfAbsent(ControlPlaneProcess.class, k -> ControlPlaneProcess.start(
        Path.of(System.getProperty(BINARY_PROPERTY)),
        Path.of(System.getProperty("ai-infra.shared", "../../shared")).resolve("crds"),
        ApiServerSummary.outputDir()), ControlPlaneProcess.class);
  }
}
