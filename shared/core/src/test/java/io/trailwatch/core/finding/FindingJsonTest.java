package io.trailwatch.core.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.event.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingJsonTest {
  static final Finding FINDING = new Finding("0123456789abcdef0123456789abcdef", "iam_admin_policy_attached",
      "AdministratorAccess attached", "iam", "HIGH", "stable", "e-1", "2026-03-14T10:00:00Z",
      "iam.amazonaws.com", "AttachUserPolicy", "111122223333", "us-east-1",
      new Principal("arn:aws:iam::111122223333:user/alice", "IAMUser", null), "198.51.100.10",
      "ua \"quoted\"\nline", List.of(new Finding.Resource("AwsIamUser", "bob")), List.of("T1098.003"),
      Map.of("cis_aws", List.of("4.4")), "r/runbook.md", "Rule", "Detects it.", "k|111122223333|bob");

  @Test
  void writesTheDocumentedFieldsInTheirOrder() {
    JsonNode tree = FindingJson.toTree(FINDING);

    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("id", "ruleId", "title", "category", "severity", "status", "eventId",
        "eventTime", "eventSource", "eventName", "account", "region", "principal", "sourceIp", "userAgent",
        "resources", "attack", "compliance", "runbook", "ruleTitle", "description", "dedupKey", "dedupWindowSeconds", "firstSteps");
    assertThat(tree.path("principal").get("mfa").isNull()).as("unknown MFA stays null, not false").isTrue();
  }

  @Test
  void readsBackWhatItWroteAndIgnoresFieldsItDoesNotKnow() throws Exception {
    JsonNode tree = FindingJson.toTree(FINDING);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("addedByANewerVersion", 1);

    Finding back = FindingJson.fromTree(Json.MAPPER.readTree(tree.toString()));

    assertThat(back).isEqualTo(FINDING);
  }

  @Test
  void somethingElseIsNotAFinding() throws Exception {
    assertThatThrownBy(() -> FindingJson.fromTree(Json.MAPPER.readTree("{\"title\":\"x\"}")))
        .hasMessageContaining("not a finding");
  }
}
