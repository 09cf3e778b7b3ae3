package dev.aiinfra.core.render.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldViolation;
import java.util.List;

/**
 * One family of API rules, checked on an object's JSON tree. Paths in the returned violations
 * start at the object root ({@code spec.template.spec.dnsConfig.nameservers[0]}).
 */
@FunctionalInterface
public interface ObjectRule {
  List<FieldViolation> check(ObjectNode object);
}
