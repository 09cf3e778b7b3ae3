package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.CelSelector;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceCapacity;
import dev.aiinfra.dra.model.QualifiedNames;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CEL environment of DRA selectors ({@code dynamic-resource-allocation/cel}) on {@code dev.cel}:
 * the variable {@code device} with {@code driver}, {@code attributes} and {@code capacity} (maps by
 * domain, then id; unqualified names belong to the driver's domain; an unknown domain is an empty
 * map), and {@code allowMultipleAllocations}; Kubernetes' Quantity and Semver libraries; the
 * optional, strings, bindings, sets and lists extensions. Compiled programs are cached per
 * expression. Any compile error, runtime error or non-bool result is a {@link CelSelectorException}
 * (fatal for allocation, as in kube-scheduler). Comprehensions are bounded (1,000,000 iterations);
 * Kubernetes' cost estimate itself is not computed.
 */
public final class DeviceCel {
  public static final int MAX_ITERATIONS = 1_000_000;
  private static final OpaqueType DOMAINS = OpaqueType.create("kubernetes.DRADomainMap");
  private static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");
  private static final OpaqueType SEMVER = OpaqueType.create("kubernetes.Semver");
  private static final Cel CEL = build();
  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

  private DeviceCel() {}

  private static Cel build() {
    MapType inner = MapType.create(SimpleType.STRING, SimpleType.DYN);
    CelOptions options = CelOptions.current()
        .enableOptionalSyntax(true)
        .enableHeterogeneousNumericComparisons(true)
        .comprehensionMaxIterations(MAX_ITERATIONS)
        .build();
    return CelFactory.standardCelBuilder()
        .setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("device", MapType.create(SimpleType.STRING, SimpleType.DYN))
        .addFunctionDeclarations(
            CelFunctionDecl.newFunctionDeclaration("_[_]", CelOverloadDecl.newGlobalOverload("index_dra_domains", inner, DOMAINS, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration("@in", CelOverloadDecl.newGlobalOverload("in_dra_domains", SimpleType.BOOL, SimpleType.STRING, DOMAINS)),
            CelFunctionDecl.newFunctionDeclaration("quantity", CelOverloadDecl.newGlobalOverload("string_to_quantity", QUANTITY, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration("isQuantity", CelOverloadDecl.newGlobalOverload("is_quantity_string", SimpleType.BOOL, SimpleType.STRING)),
            member("compareTo", "quantity_compareTo_quantity", SimpleType.INT, QUANTITY, QUANTITY),
            member("isGreaterThan", "quantity_isGreaterThan_quantity", SimpleType.BOOL, QUANTITY, QUANTITY),
            member("isLessThan", "quantity_isLessThan_quantity", SimpleType.BOOL, QUANTITY, QUANTITY),
            CelFunctionDecl.newFunctionDeclaration("add",
                CelOverloadDecl.newMemberOverload("quantity_add_quantity", QUANTITY, QUANTITY, QUANTITY),
                CelOverloadDecl.newMemberOverload("quantity_add_int", QUANTITY, QUANTITY, SimpleType.INT)),
            CelFunctionDecl.newFunctionDeclaration("sub",
                CelOverloadDecl.newMemberOverload("quantity_sub_quantity", QUANTITY, QUANTITY, QUANTITY),
                CelOverloadDecl.newMemberOverload("quantity_sub_int", QUANTITY, QUANTITY, SimpleType.INT)),
            member("sign", "quantity_sign", SimpleType.INT, QUANTITY),
            member("isInteger", "quantity_isInteger", SimpleType.BOOL, QUANTITY),
            member("asInteger", "quantity_asInteger", SimpleType.INT, QUANTITY),
            member("asApproximateFloat", "quantity_asApproximateFloat", SimpleType.DOUBLE, QUANTITY),
            CelFunctionDecl.newFunctionDeclaration("semver",
                CelOverloadDecl.newGlobalOverload("string_to_semver", SEMVER, SimpleType.STRING),
                CelOverloadDecl.newGlobalOverload("string_bool_to_semver", SEMVER, SimpleType.STRING, SimpleType.BOOL)),
            CelFunctionDecl.newFunctionDeclaration("isSemver",
                CelOverloadDecl.newGlobalOverload("is_semver_string", SimpleType.BOOL, SimpleType.STRING),
                CelOverloadDecl.newGlobalOverload("is_semver_string_bool", SimpleType.BOOL, SimpleType.STRING, SimpleType.BOOL)),
            CelFunctionDecl.newFunctionDeclaration("compareTo", CelOverloadDecl.newMemberOverload("semver_compareTo_semver", SimpleType.INT, SEMVER, SEMVER)),
            CelFunctionDecl.newFunctionDeclaration("isGreaterThan", CelOverloadDecl.newMemberOverload("semver_isGreaterThan_semver", SimpleType.BOOL, SEMVER, SEMVER)),
            CelFunctionDecl.newFunctionDeclaration("isLessThan", CelOverloadDecl.newMemberOverload("semver_isLessThan_semver", SimpleType.BOOL, SEMVER, SEMVER)),
            member("major", "semver_major", SimpleType.INT, SEMVER),
            member("minor", "semver_minor", SimpleType.INT, SEMVER),
            member("patch", "semver_patch", SimpleType.INT, SEMVER))
        .addFunctionBindings(
            CelFunctionBinding.from("index_dra_domains", DeviceDomains.class, String.class, DeviceDomains::get),
            CelFunctionBinding.from("in_dra_domains", String.class, DeviceDomains.class, (k, d) -> d.has(k)),
            CelFunctionBinding.from("string_to_quantity", String.class, Quantity::parse),
            CelFunctionBinding.from("is_quantity_string", String.class, Quantity::isValid),
            CelFunctionBinding.from("quantity_compareTo_quantity", Quantity.class, Quantity.class, (a, b) -> (long) Integer.signum(a.compareTo(b))),
            CelFunctionBinding.from("quantity_isGreaterThan_quantity", Quantity.class, Quantity.class, (a, b) -> a.compareTo(b) > 0),
            CelFunctionBinding.from("quantity_isLessThan_quantity", Quantity.class, Quantity.class, (a, b) -> a.compareTo(b) < 0),
            CelFunctionBinding.from("quantity_add_quantity", Quantity.class, Quantity.class, Quantity::plus),
            CelFunctionBinding.from("quantity_add_int", Quantity.class, Long.class, (a, b) -> a.plus(Quantity.of(b))),
            CelFunctionBinding.from("quantity_sub_quantity", Quantity.class, Quantity.class, Quantity::minus),
            CelFunctionBinding.from("quantity_sub_int", Quantity.class, Long.class, (a, b) -> a.minus(Quantity.of(b))),
            CelFunctionBinding.from("quantity_sign", Quantity.class, q -> (long) q.signum()),
            // isInteger says whether asInteger succeeds: a whole number within int64 (past it, asInteger is an error as in Kubernetes).
            CelFunctionBinding.from("quantity_isInteger", Quantity.class, q -> q.isInteger() && q.hasLongValue()),
            CelFunctionBinding.from("quantity_asInteger", Quantity.class, q -> q.value().longValueExact()),
            CelFunctionBinding.from("quantity_asApproximateFloat", Quantity.class, q -> q.value().doubleValue()),
            CelFunctionBinding.from("string_to_semver", String.class, s -> Semver.parse(s, false)),
            CelFunctionBinding.from("string_bool_to_semver", String.class, Boolean.class, Semver::parse),
            CelFunctionBinding.from("is_semver_string", String.class, s -> Semver.isValid(s, false)),
            CelFunctionBinding.from("is_semver_string_bool", String.class, Boolean.class, Semver::isValid),
            CelFunctionBinding.from("semver_compareTo_semver", Semver.class, Semver.class, (a, b) -> (long) Integer.signum(a.compareTo(b))),
            CelFunctionBinding.from("semver_isGreaterThan_semver", Semver.class, Semver.class, (a, b) -> a.compareTo(b) > 0),
            CelFunctionBinding.from("semver_isLessThan_semver", Semver.class, Semver.class, (a, b) -> a.compareTo(b) < 0),
            CelFunctionBinding.from("semver_major", Semver.class, Semver::major),
            CelFunctionBinding.from("semver_minor", Semver.class, Semver::minor),
            CelFunctionBinding.from("semver_patch", Semver.class, Semver::patch))
        .addCompilerLibraries(CelExtensions.optional(), CelExtensions.strings(), CelExtensions.bindings(), CelExtensions.sets(options), CelExtensions.lists())
        .addRuntimeLibraries(CelExtensions.optional(), CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.lists())
        .build();
  }

  private static CelFunctionDecl member(String name, String overload, dev.cel.common.types.CelType result, dev.cel.common.types.CelType... args) {
    return CelFunctionDecl.newFunctionDeclaration(name, CelOverloadDecl.newMemberOverload(overload, result, args));
  }

  /** Compiles (once) and returns the program for {@code expression}; throws when it does not compile to a bool. */
  public static CelRuntime.Program compile(String expression) {
    CelRuntime.Program p = PROGRAMS.get(expression);
    if (p != null) {
      return p;
    }
    try {
      CelAbstractSyntaxTree ast = CEL.compile(expression).getAst();
      if (!ast.getResultType().equals(SimpleType.BOOL) && !ast.getResultType().equals(SimpleType.DYN)) {
        throw new CelSelectorException("CEL expression must return a boolean, not " + ast.getResultType() + ": " + expression);
      }
      p = CEL.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new CelSelectorException("compilation failed: " + firstLine(e.getMessage()));
    }
    PROGRAMS.put(expression, p);
    return p;
  }

  /** Evaluates {@code expression} for a device of {@code driver}. */
  public static boolean matches(String expression, Map<String, Object> device) {
    CelRuntime.Program program = compile(expression);
    Object r;
    try {
      r = program.eval(Map.of("device", device));
    } catch (CelEvaluationException | RuntimeException e) {
      throw new CelSelectorException("CEL runtime error evaluating " + expression + ": " + firstLine(e.getMessage()));
    }
    if (!(r instanceof Boolean)) {
      throw new CelSelectorException("CEL expression must return a boolean, returned " + r + ": " + expression);
    }
    return (Boolean) r;
  }

  /** Evaluates a typed selector for a device, as {@link #matches(String, Map)} does its expression. */
  public static boolean matches(CelSelector selector, Map<String, Object> device) {
    return matches(selector.expression(), device);
  }

  /** The CEL value of {@code device}: driver, attributes and capacity by domain, allowMultipleAllocations. */
  public static Map<String, Object> activation(String driver, Device d) {
    Map<String, Map<String, Object>> attributes = new HashMap<>();
    for (Map.Entry<String, AttributeValue> e : d.attributes().entrySet()) {
      AttributeValue v = e.getValue();
      Object value = v.type() == AttributeValue.Type.VERSION ? Semver.parse(v.versionValue().get(), false) : v.raw();
      attributes.computeIfAbsent(QualifiedNames.domain(e.getKey(), driver), k -> new HashMap<>()).put(QualifiedNames.id(e.getKey()), value);
    }
    Map<String, Map<String, Object>> capacity = new HashMap<>();
    for (Map.Entry<String, DeviceCapacity> e : d.capacity().entrySet()) {
      capacity.computeIfAbsent(QualifiedNames.domain(e.getKey(), driver), k -> new HashMap<>()).put(QualifiedNames.id(e.getKey()), e.getValue().value());
    }
    Map<String, Object> device = new HashMap<>();
    device.put("driver", driver);
    device.put("attributes", new DeviceDomains(attributes));
    device.put("capacity", new DeviceDomains(capacity));
    device.put("allowMultipleAllocations", d.allowMultipleAllocations());
    return device;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

}
