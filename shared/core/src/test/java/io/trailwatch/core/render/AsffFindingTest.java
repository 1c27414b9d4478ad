package io.trailwatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.core.event.Principal;
import io.trailwatch.core.finding.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsffFindingTest {
  static final String ACCOUNT = "111122223333";

  static Finding finding(String title, String sourceIp, List<Finding.Resource> resources) {
    Map<String, List<String>> compliance = new LinkedHashMap<>();
    compliance.put("cis_aws", List.of("1.11"));
    compliance.put("iso27001", List.of("A.5.16"));
    compliance.put("soc2", List.of("CC6.1"));
    compliance.put("gdpr", List.of("Art.32"));
    return new Finding("252a31331e0c5cefcfaddd8746a0487d", "iam_access_key_created_for_other_user", title, "iam",
        "HIGH", "stable", "89bbe4a0-6d4f-46c1-b942-7075e214d4e3", "2026-03-15T02:07:44Z", "iam.amazonaws.com",
        "CreateAccessKey", ACCOUNT, "us-east-1", new Principal("arn:aws:iam::111122223333:user/ci-legacy", "IAMUser", null),
        sourceIp, "Boto3/1.34.69", resources, List.of("T1098.001"), compliance,
        "shared/rules/catalog/iam/iam_access_key_created_for_other_user/runbook.md",
        "Access Key Created for Another IAM User", "Detects a CreateAccessKey for another user.", "k");
  }

  static final Finding FINDING = finding("Access key created for support-backup", "203.0.113.77",
      List.of(new Finding.Resource("AwsIamUser", "support-backup"),
          new Finding.Resource("AwsIamRole", "arn:aws:iam::111122223333:role/deploy")));

  static ObjectNode render(Finding f) {
    return AsffFinding.render(f, "us-east-1", ACCOUNT);
  }

  @Test
  void hasEveryRequiredAttribute() {
    JsonNode a = render(FINDING);

    assertThat(a.path("SchemaVersion").asText()).isEqualTo("2018-10-08");
    assertThat(a.path("Id").asText()).isEqualTo("trailwatch/iam_access_key_created_for_other_user/252a31331e0c5cefcfaddd8746a0487d");
    assertThat(a.path("ProductArn").asText()).isEqualTo("arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default");
    assertThat(a.path("GeneratorId").asText()).isEqualTo("iam_access_key_created_for_other_user");
    assertThat(a.path("AwsAccountId").asText()).isEqualTo(ACCOUNT);
    assertThat(a.path("Types").get(0).asText()).isEqualTo("TTPs/Privilege Escalation");
    for (String time : List.of("CreatedAt", "UpdatedAt", "FirstObservedAt", "LastObservedAt")) {
      assertThat(a.path(time).asText()).as(time).isEqualTo("2026-03-15T02:07:44Z");
    }
    assertThat(a.path("Severity").path("Label").asText()).isEqualTo("HIGH");
    assertThat(a.path("Title").asText()).isEqualTo("Access key created for support-backup");
    assertThat(a.path("Description").asText()).isEqualTo("Detects a CreateAccessKey for another user.");
    assertThat(a.path("Resources").size()).isEqualTo(2);
    assertThat(a.path("RecordState").asText()).isEqualTo("ACTIVE");
    assertThat(a.has("Workflow")).as("the customer's, not ours").isFalse();
  }

  @Test
  void theIdIsStableSoARepeatUpdatesTheFinding() {
    assertThat(render(FINDING).path("Id")).isEqualTo(render(FINDING).path("Id"));
    Finding other = finding("t", "203.0.113.77", List.of());
    assertThat(render(other).path("Id")).as("the id comes from the finding id, not its text").isEqualTo(render(FINDING).path("Id"));
  }

  @Test
  void describesTheApiCallTheRemediationAndTheEvidence() {
    JsonNode a = render(FINDING);

    JsonNode call = a.path("Action").path("AwsApiCallAction");
    assertThat(a.path("Action").path("ActionType").asText()).isEqualTo("AWS_API_CALL");
    assertThat(call.path("Api").asText()).isEqualTo("CreateAccessKey");
    assertThat(call.path("ServiceName").asText()).isEqualTo("iam.amazonaws.com");
    assertThat(call.path("CallerType").asText()).isEqualTo("remoteip");
    assertThat(call.path("RemoteIpDetails").path("IpAddressV4").asText()).isEqualTo("203.0.113.77");
    JsonNode recommendation = a.path("Remediation").path("Recommendation");
    assertThat(recommendation.path("Text").asText()).startsWith("Access Key Created for Another IAM User: follow the runbook");
    assertThat(recommendation.has("Url")).as("a repository path is not a URL").isFalse();
    assertThat(a.path("ProductFields").path("trailwatch/runbook").asText()).endsWith("runbook.md");
    assertThat(a.path("ProductFields").path("trailwatch/ruleId").asText()).isEqualTo("iam_access_key_created_for_other_user");
    assertThat(a.path("ProductFields").path("trailwatch/eventId").asText()).isEqualTo("89bbe4a0-6d4f-46c1-b942-7075e214d4e3");
    assertThat(a.path("ProductFields").path("trailwatch/findingId").asText()).isEqualTo("252a31331e0c5cefcfaddd8746a0487d");
    assertThat(a.path("Compliance").path("RelatedRequirements")).extracting(JsonNode::asText)
        .containsExactly("CIS AWS Foundations 1.11", "ISO/IEC 27001:2022 A.5.16", "SOC 2 CC6.1", "GDPR Art.32");
    assertThat(a.path("Compliance").has("Status")).as("optional, and a detection is not a control check").isFalse();
  }

  @Test
  void anHttpsRunbookBecomesTheRecommendationUrl() {
    Finding f = FINDING;
    Finding https = new Finding(f.id(), f.ruleId(), f.title(), f.category(), f.severity(), f.status(), f.eventId(),
        f.eventTime(), f.eventSource(), f.eventName(), f.account(), f.region(), f.principal(), f.sourceIp(),
        f.userAgent(), f.resources(), f.attack(), f.compliance(), "https://runbooks.example.com/iam", f.ruleTitle(),
        f.description(), f.dedupKey());

    assertThat(render(https).path("Remediation").path("Recommendation").path("Url").asText()).isEqualTo("https://runbooks.example.com/iam");
  }

  @Test
  void mapsResourcesToAsffTypesAndKeepsArns() {
    Finding f = finding("t", "203.0.113.77", List.of(new Finding.Resource("AwsIamUser", "support-backup"),
        new Finding.Resource("AwsIamRole", "arn:aws:iam::111122223333:role/deploy"),
        new Finding.Resource("AwsEc2Snapshot", "snap-0123"), new Finding.Resource("AwsAccount", ACCOUNT),
        new Finding.Resource("AwsS3Bucket", null)));

    JsonNode resources = render(f).path("Resources");

    List<String> rendered = new ArrayList<>();
    resources.forEach(r -> rendered.add(r.path("Type").asText() + " " + r.path("Id").asText() + " " + r.path("Region").asText()));
    assertThat(rendered).containsExactly("AwsIamUser support-backup us-east-1",
        "AwsIamRole arn:aws:iam::111122223333:role/deploy us-east-1", "Other snap-0123 us-east-1",
        "AwsAccount AWS::::Account:111122223333 us-east-1");
  }

  @Test
  void aFindingWithoutResourcesIsAboutTheAccount() {
    JsonNode resources = render(finding("t", "203.0.113.77", List.of())).path("Resources");

    assertThat(resources.size()).isEqualTo(1);
    assertThat(resources.get(0).path("Type").asText()).isEqualTo("AwsAccount");
    assertThat(resources.get(0).path("Id").asText()).isEqualTo("AWS::::Account:111122223333");
  }

  @Test
  void eventTextIsCutToTheLimitsAndLosesControlCharacters() {
    List<Finding.Resource> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(new Finding.Resource("AwsS3Bucket", "b".repeat(600) + i));
    }
    Finding f = finding("Bucket x\nSeverity: LOW " + "a".repeat(400), "203.0.113.77", many);

    JsonNode a = render(f);

    assertThat(a.path("Title").asText()).hasSize(256).doesNotContain("\n").endsWith("\u2026");
    assertThat(a.path("Resources").size()).isEqualTo(32);
    a.path("Resources").forEach(r -> assertThat(r.path("Id").asText()).hasSizeLessThanOrEqualTo(512));
    assertThat(a.path("ProductFields").size()).isLessThanOrEqualTo(50);
    a.path("ProductFields").fields().forEachRemaining(e -> {
      assertThat(e.getKey()).hasSizeLessThanOrEqualTo(128);
      assertThat(e.getValue().asText()).hasSizeLessThanOrEqualTo(2048);
    });
    assertThat(SafeText.clip("x".repeat(2000), 1024)).hasSize(1024);
    assertThat(SafeText.clip("\u0000\n ", 10)).as("nothing printable is no value").isNull();
    assertThat(SafeText.clip("a".repeat(9) + "\uD83D\uDE00", 10)).as("no half of a surrogate pair").isEqualTo("a".repeat(9) + "\u2026");
  }

  @Test
  void anIpv6SourceIsARemoteIpWithoutAnIpv4Field() {
    JsonNode a = render(finding("t", "2001:db8::1", List.of()));

    JsonNode call = a.path("Action").path("AwsApiCallAction");
    assertThat(call.path("CallerType").asText()).isEqualTo("remoteip");
    assertThat(call.has("RemoteIpDetails")).isFalse();
    assertThat(a.path("ProductFields").path("trailwatch/sourceIp").asText()).isEqualTo("2001:db8::1");
  }

  @Test
  void aServiceHostnameIsADomainCaller() {
    JsonNode call = render(finding("t", "cloudformation.amazonaws.com", List.of())).path("Action").path("AwsApiCallAction");

    assertThat(call.path("CallerType").asText()).isEqualTo("domain");
    assertThat(call.path("DomainDetails").path("Domain").asText()).isEqualTo("cloudformation.amazonaws.com");
    assertThat(call.has("RemoteIpDetails")).isFalse();
  }

  @Test
  void neitherAnAddressNorAHostnameNamesNoCaller() {
    for (String source : new String[] {"AWS Internal", "999.1.1.1", "1.2.3", null}) {
      JsonNode call = render(finding("t", source, List.of())).path("Action").path("AwsApiCallAction");
      assertThat(call.has("CallerType")).as(String.valueOf(source)).isFalse();
      assertThat(call.has("RemoteIpDetails")).as(String.valueOf(source)).isFalse();
    }
  }

  @Test
  void everyCategoryHasATaxonomyType() {
    for (String category : List.of("deployment", "iam", "exposure", "mfa", "audit", "secrets", "network", "root")) {
      List<String> types = AsffTypes.of(category);
      assertThat(types).as(category).isNotEmpty().isNotEqualTo(AsffTypes.UNKNOWN);
      assertThat(types).allMatch(t -> t.matches("(Software and Configuration Checks|TTPs|Effects|Unusual Behaviors|"
          + "Sensitive Data Identifications)(/[^/]+){0,2}"));
    }
    assertThat(AsffTypes.of("something-new")).isEqualTo(AsffTypes.UNKNOWN);
  }

  @Test
  void refusesWhatSecurityHubWouldRejectForever() {
    assertThatThrownBy(() -> AsffFinding.render(FINDING, "us-east-1", "444455556666"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account 111122223333");
    Finding f = FINDING;
    Finding noTime = new Finding(f.id(), f.ruleId(), f.title(), f.category(), "HIGH", f.status(), f.eventId(),
        "yesterday", f.eventSource(), f.eventName(), f.account(), f.region(), f.principal(), f.sourceIp(),
        f.userAgent(), f.resources(), f.attack(), f.compliance(), f.runbook(), f.ruleTitle(), f.description(), f.dedupKey());
    assertThatThrownBy(() -> render(noTime)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventTime");
  }

  @Test
  void otherPartitionsGetTheirOwnProductArn() {
    assertThat(AsffFinding.productArn("cn-north-1", ACCOUNT)).startsWith("arn:aws-cn:securityhub:cn-north-1:");
    assertThat(AsffFinding.productArn("us-gov-west-1", ACCOUNT)).startsWith("arn:aws-us-gov:securityhub:");
  }
}
