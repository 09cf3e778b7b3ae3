package dev.aiinfra.sandbox.render.pss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.policy.pss.PodSecurityViolation;
import org.junit.jupiter.api.Test;

/** Regression (conformance area PSS): a Pod is judged as the API server defaults it before admission. */
class PodSecurityReviewsDefaultingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode tree(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void a_host_network_pod_gets_its_container_ports_as_host_ports_but_a_template_does_not() throws Exception {
    String spec = "{\"hostNetwork\":true,\"containers\":[{\"name\":\"a\",\"image\":\"x\",\"ports\":[{\"containerPort\":80}]}],"
        + "\"initContainers\":[{\"name\":\"i\",\"image\":\"x\",\"ports\":[{\"containerPort\":81,\"hostPort\":0}]}]}";
    ObjectReview pod = PodSecurityReviews.review(tree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":" + spec + "}"),
        PodSecurityVersion.latest());
    assertThat(pod.violations(PodSecurityLevel.BASELINE)).extracting(PodSecurityViolation::message).containsExactly(
        "host namespaces (hostNetwork=true)", "hostPort (containers \"i\", \"a\" use hostPorts 80, 81)");
    ObjectReview deployment = PodSecurityReviews.review(tree("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\"},"
        + "\"spec\":{\"template\":{\"spec\":" + spec + "}}}"), PodSecurityVersion.latest());
    assertThat(deployment.violations(PodSecurityLevel.BASELINE)).extracting(PodSecurityViolation::check).containsExactly("hostNamespaces");
  }
}
