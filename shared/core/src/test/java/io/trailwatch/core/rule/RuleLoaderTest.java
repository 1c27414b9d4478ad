package io.trailwatch.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.core.condition.ConditionVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {
  @TempDir Path catalog;

  static final String VALID =
      """
      id: iam_user_created
      title: IAM User Created
      description: Detects a new IAM user.
      category: iam
      severity: MEDIUM
      status: stable
      match:
        source: [aws.iam]
        detail:
          eventName: [CreateUser]
      alert:
        title: "User {detail.requestParameters.userName} created by {actor}"
      dedup:
        keys: [account, detail.requestParameters.userName]
        window: 30m
      resources:
        - type: AwsIamUser
          field: detail.requestParameters.userName
      attack: [T1136.003]
      compliance:
        cis_aws: ["4.4"]
      false_positives: [Onboarding]
      """;

  Path rule(String service, String id, String yaml) throws IOException {
    Path folder = catalog.resolve(service).resolve(id);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("rule.yaml"), yaml);
    Files.writeString(folder.resolve("runbook.md"), "# x\n");
    return folder;
  }

  List<Rule> load() {
    return new RuleLoader(ConditionVocabulary.standard()).loadCatalog(catalog);
  }

  @Test
  void discoversRuleFoldersWithoutAnyRegistryAndSkipsTheTemplate() throws IOException {
    rule("iam", "iam_user_created", VALID);
    rule("_template", "service_object_changed", "not: [valid");

    List<Rule> rules = load();

    assertThat(rules).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo("iam_user_created");
      assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(r.dedupWindow()).hasMinutes(30);
      assertThat(r.runbookPath()).isEqualTo("shared/rules/catalog/iam/iam_user_created/runbook.md");
    });
  }

  @Test
  void eachProblemNamesTheFileAndLine() throws IOException {
    rule("iam", "iam_user_created", VALID.replace("severity: MEDIUM", "severity: SEVERE").replace("status: stable", "status: stable\nsevrity: HIGH"));

    assertThatThrownBy(this::load)
        .isInstanceOf(RuleLoadException.class)
        .hasMessageContaining(catalog.getFileName() + "/iam/iam_user_created/rule.yaml:7: unknown key 'sevrity'")
        .hasMessageContaining("rule.yaml:5: severity 'SEVERE' is not one of");
  }

  @Test
  void anInvalidPatternAnUnknownConditionAndAMissingRunbookAreAllReported() throws IOException {
    Path folder = rule("iam", "iam_user_created",
        VALID.replace("eventName: [CreateUser]", "eventName: CreateUser")
            + "conditions:\n  - type: no-such-condition\n");
    Files.delete(folder.resolve("runbook.md"));

    assertThatThrownBy(this::load)
        .isInstanceOf(RuleLoadException.class)
        .satisfies(e -> assertThat(((RuleLoadException) e).problems()).hasSize(3))
        .hasMessageContaining("rule.yaml:7: invalid EventBridge pattern")
        .hasMessageContaining("unknown condition type 'no-such-condition'")
        .hasMessageContaining("missing runbook.md");
  }

  @Test
  void theIdMustEqualTheFolderAndBeUnique() throws IOException {
    rule("iam", "iam_user_made", VALID);

    assertThatThrownBy(this::load).hasMessageContaining("id 'iam_user_created' must equal its folder name 'iam_user_made'");
  }

  @Test
  void brokenYamlSaysWhere() throws IOException {
    rule("iam", "iam_user_created", VALID + "  bad: [unclosed\n");

    assertThatThrownBy(this::load).hasMessageContaining("rule.yaml:").hasMessageContaining("not valid YAML");
  }

  @Test
  void aThresholdCountsDifferentValuesOfOneFieldAndSaysSoWhenMisspelt() throws IOException {
    String spray = VALID.replace("false_positives: [Onboarding]\n", """
        false_positives: [Onboarding]
        threshold:
          count: 10
          window: 1h
          group_by: [account, sourceIp]
          distinct: detail.userIdentity.userName
        """);
    rule("iam", "iam_user_created", spray);
    assertThat(load().get(0).threshold().distinct()).isEqualTo("detail.userIdentity.userName");

    rule("iam", "iam_user_created", spray.replace("distinct: detail.userIdentity.userName", "distinct: [a, b]"));
    assertThatThrownBy(this::load).hasMessageContaining("threshold distinct must be one field");
    rule("iam", "iam_user_created", spray.replace("distinct:", "distinkt:"));
    assertThatThrownBy(this::load).hasMessageContaining("unknown key 'distinkt' in threshold; known keys: [count, window, group_by, distinct]");
  }
}
