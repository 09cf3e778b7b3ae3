package dev.aiinfra.conformance.apiserver.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.conformance.Outcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How one object's answers are compared; no server needed. */
class ObjectAgreementTest {
  private static final String VALID = "{\"valid\":true,\"objects\":[{\"valid\":true,\"violations\":[]}]}";
  private static final String BAD_PORT = "{\"valid\":false,\"objects\":[{\"valid\":false,\"violations\":["
      + "{\"field\":\"spec.containers[0].ports[0].containerPort\",\"type\":\"Invalid\",\"message\":\"Invalid value: 70000: must be between 1 and 65535, inclusive\"}]}]}";

  private static DryRunCreate.Answer server(int status, String reason, String message, String... causes) {
    return new DryRunCreate.Answer(status, reason, message, Set.of(causes), List.of());
  }

  @Test
  void an_object_both_accept_agrees_and_so_does_one_already_created() {
    assertThat(ObjectAgreement.of(new Outcome(0, VALID, ""), server(201, "", ""), "default")).isEqualTo(ObjectAgreement.AGREE);
    assertThat(ObjectAgreement.of(new Outcome(0, VALID, ""), server(409, "AlreadyExists", "namespaces \"y\" already exists"), "default"))
        .isEqualTo(ObjectAgreement.AGREE);
  }

  @Test
  void an_invalid_object_agrees_only_with_the_same_field_paths_and_types() {
    Outcome ours = new Outcome(1, BAD_PORT, "");
    assertThat(ObjectAgreement.of(ours, server(422, "Invalid", "", "spec.containers[0].ports[0].containerPort Invalid"), "default"))
        .isEqualTo(ObjectAgreement.AGREE);
    assertThat(ObjectAgreement.of(ours, server(422, "Invalid", "", "spec.containers[0].ports[0].containerPort Required"), "default"))
        .isEqualTo(ObjectAgreement.DISAGREE);
    assertThat(ObjectAgreement.of(ours, server(201, "", ""), "default")).isEqualTo(ObjectAgreement.DISAGREE);
  }

  @Test
  void a_quantity_the_server_cannot_decode_is_named_only_when_validate_reports_that_quantity() {
    String message = "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    Outcome quantity = new Outcome(1, "{\"valid\":false,\"objects\":[{\"valid\":false,\"violations\":[{\"field\":\"spec.containers[0].resources.requests[cpu]\","
        + "\"type\":\"Invalid\",\"message\":\"Invalid value: \\\"2cores\\\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\"}]}]}", "");
    assertThat(ObjectAgreement.of(quantity, server(400, "BadRequest", message), "default")).isEqualTo(ObjectAgreement.MALFORMED_QUANTITY_IS_A_VIOLATION);
    assertThat(ObjectAgreement.of(new Outcome(1, BAD_PORT, ""), server(400, "BadRequest", message), "default")).isEqualTo(ObjectAgreement.DISAGREE);
  }

  @Test
  void a_namespace_that_cannot_exist_is_named_only_for_the_objects_own_namespace() {
    Outcome ours = new Outcome(1, "{\"valid\":false,\"objects\":[{\"valid\":false,\"violations\":[{\"field\":\"metadata.namespace\",\"type\":\"Invalid\",\"message\":\"\"}]}]}", "");
    assertThat(ObjectAgreement.of(ours, server(404, "NotFound", "namespaces \"a.b\" not found"), "a.b")).isEqualTo(ObjectAgreement.INVALID_NAMESPACE_IS_NOT_FOUND);
    assertThat(ObjectAgreement.of(ours, server(404, "NotFound", "namespaces \"other\" not found"), "a.b")).isEqualTo(ObjectAgreement.DISAGREE);
    assertThat(ObjectAgreement.INVALID_NAMESPACE_IS_NOT_FOUND.divergenceName()).isEqualTo("invalid-namespace-is-not-found");
  }
}
