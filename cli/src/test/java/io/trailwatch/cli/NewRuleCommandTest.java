package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.rule.RuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewRuleCommandTest {
  @TempDir Path dir;

  @Test
  void aNewRuleFromTheTemplateLoadsAndIsTested() throws IOException {
    Path catalog = dir.resolve("catalog");
    RulesAndTestCommandTest.copyTree(RulesAndTestCommandTest.CATALOG, catalog);

    CliRun created = CliRun.of("new-rule", "s3", "s3_bucket_requester_pays_enabled", "--rules", catalog.toString());

    assertThat(created.exitCode()).as(created.err()).isZero();
    Path folder = catalog.resolve("s3/s3_bucket_requester_pays_enabled");
    assertThat(created.out()).startsWith("created " + folder + "/\n  rule.yaml\n  runbook.md\n  tests/negative/\n"
        + "  tests/positive/\n").contains("trailwatch test s3_bucket_requester_pays_enabled --rules " + catalog);
    String yaml = Files.readString(folder.resolve("rule.yaml"));
    assertThat(yaml).contains("id: s3_bucket_requester_pays_enabled\n", "source: [aws.s3]", "eventSource: [s3.amazonaws.com]")
        .doesNotContain("Copy this folder");
    Rule rule = new RuleLoader(ConditionVocabulary.standard()).loadRule(folder.resolve("rule.yaml"), catalog);
    assertThat(rule.id()).isEqualTo("s3_bucket_requester_pays_enabled");
    assertThat(new RuleLoader(ConditionVocabulary.standard()).loadCatalog(catalog)).extracting(Rule::id)
        .contains("s3_bucket_requester_pays_enabled");

    CliRun empty = CliRun.of("test", "s3_bucket_requester_pays_enabled", "--rules", catalog.toString());
    assertThat(empty.exitCode()).isEqualTo(1);
    assertThat(empty.out()).contains("tests/positive: no positive sample");

    // Fill the pattern in and give it one sample of each kind: the loop a rule author goes through.
    Files.writeString(folder.resolve("rule.yaml"), yaml.replace("eventName: [ChangeObject]",
        "eventName: [PutBucketRequestPayment]\n    requestParameters:\n      RequestPaymentConfiguration:\n        Payer: [Requester]"));
    Files.writeString(folder.resolve("tests/positive/requester_pays.json"), sample("Requester"));
    Files.writeString(folder.resolve("tests/negative/owner_pays.json"), sample("BucketOwner"));
    CliRun tested = CliRun.of("test", "s3_bucket_requester_pays_enabled", "--rules", catalog.toString());
    assertThat(tested.exitCode()).as(tested.out()).isZero();
    assertThat(tested.out()).contains("PASS  s3_bucket_requester_pays_enabled (1 positive, 1 negative)");
  }

  @Test
  void withoutRulesItNeedsTheRepositorysCatalogUnderTheCurrentFolder() throws IOException {
    Path before = Main.workingDirectory;
    try {
      Main.workingDirectory = dir;
      CliRun none = CliRun.of("new-rule", "s3", "s3_bucket_requester_pays_enabled");
      assertThat(none.exitCode()).isEqualTo(2);
      assertThat(none.err()).contains("no shared/rules/catalog here", "--rules");

      Files.createDirectories(dir.resolve("shared/rules/catalog"));
      CliRun here = CliRun.of("new-rule", "s3", "s3_bucket_requester_pays_enabled");
      assertThat(here.exitCode()).as(here.err()).isZero();
      assertThat(here.out()).startsWith("created shared/rules/catalog/s3/s3_bucket_requester_pays_enabled/");
      assertThat(dir.resolve("shared/rules/catalog/s3/s3_bucket_requester_pays_enabled/runbook.md"))
          .as("no _template in this catalog: the built-in one is copied").isRegularFile();
    } finally {
      Main.workingDirectory = before;
    }
  }

  @Test
  void refusesIdsOutsideTheNamingAndRulesThatExist() throws IOException {
    Path catalog = dir.resolve("catalog");
    RulesAndTestCommandTest.copyTree(RulesAndTestCommandTest.CATALOG.resolve("iam"), catalog.resolve("iam"));
    String c = catalog.toString();

    for (List<String> bad : List.of(
        List.of("s3", "S3_bucket_changed"), List.of("s3", "bucket_changed"), List.of("s3", "s3"),
        List.of("s3", "s3-bucket-changed"), List.of("S3", "s3_bucket_changed"))) {
      CliRun run = CliRun.of("new-rule", bad.get(0), bad.get(1), "--rules", c);
      assertThat(run.exitCode()).as(bad.toString()).isEqualTo(2);
      assertThat(run.err()).as(bad.toString()).containsAnyOf("lower snake case", "lower case letters");
    }
    CliRun exists = CliRun.of("new-rule", "iam", "iam_admin_policy_attached", "--rules", c);
    // The same id in another service's folder: the loader would refuse the duplicate later, new-rule now.
    Files.move(catalog.resolve("iam/iam_admin_policy_attached"), catalog.resolve("iam_admin_policy_attached"));
    CliRun taken = CliRun.of("new-rule", "iam", "iam_admin_policy_attached", "--rules", c);

    assertThat(exists.exitCode()).isEqualTo(2);
    assertThat(exists.err()).contains("iam/iam_admin_policy_attached already exists");
    assertThat(taken.exitCode()).isEqualTo(2);
    assertThat(taken.err()).contains("the rule id iam_admin_policy_attached is taken");
    try (var files = Files.list(catalog)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("iam", "iam_admin_policy_attached");
    }
  }

  private static String sample(String payer) {
    return """
        {"version": "0", "id": "%s", "detail-type": "AWS API Call via CloudTrail", "source": "aws.s3",
         "account": "111122223333", "time": "2026-03-20T09:14:05Z", "region": "us-east-1", "resources": [],
         "detail": {"eventVersion": "1.09", "eventSource": "s3.amazonaws.com", "eventName": "PutBucketRequestPayment",
           "eventTime": "2026-03-20T09:14:05Z", "awsRegion": "us-east-1", "sourceIPAddress": "198.51.100.23",
           "eventID": "%s", "eventType": "AwsApiCall", "recipientAccountId": "111122223333",
           "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::111122223333:user/alice", "accountId": "111122223333", "userName": "alice"},
           "requestParameters": {"bucketName": "acme-exports", "RequestPaymentConfiguration": {"Payer": "%s"}},
           "responseElements": null}}
        """.formatted(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), payer);
  }
}
