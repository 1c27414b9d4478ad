package io.trailwatch.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.core.condition.ConditionVocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledCatalogTest {
  @TempDir Path dir;

  Path catalogWithOneRule(String yaml) throws IOException {
    Path folder = dir.resolve("catalog/iam/iam_user_created");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("rule.yaml"), yaml);
    Files.writeString(folder.resolve("runbook.md"), "# r\n");
    return dir.resolve("catalog");
  }

  @Test
  void theCompiledFormLoadsTheSameRules() throws IOException {
    Path root = catalogWithOneRule(RuleLoaderTest.VALID + "conditions:\n  - type: target-is-another-user\n    field: detail.requestParameters.userName\n");
    Path out = dir.resolve("out/catalog.compiled.json");

    CompiledCatalog.write(root, out);
    List<Rule> fromFolders = new RuleLoader(ConditionVocabulary.standard()).loadCatalog(root);
    List<Rule> compiled;
    try (InputStream in = Files.newInputStream(out)) {
      compiled = CompiledCatalog.read(in, ConditionVocabulary.standard(), RuleLoader.DEFAULT_RUNBOOK_BASE);
    }

    assertThat(compiled).hasSize(1);
    Rule a = fromFolders.get(0);
    Rule b = compiled.get(0);
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.matchPatterns()).isEqualTo(a.matchPatterns());
    assertThat(b.conditions()).hasSize(1);
    assertThat(b.alertTitle()).isEqualTo(a.alertTitle());
    assertThat(b.dedupKeys()).isEqualTo(a.dedupKeys());
    assertThat(b.runbookPath()).isEqualTo(a.runbookPath());
    assertThat(b.folder()).as("a compiled catalog carries no samples").isNull();
  }

  @Test
  void aBrokenRuleFailsTheCompilationWithItsFileAndLine() throws IOException {
    Path root = catalogWithOneRule(RuleLoaderTest.VALID.replace("category: iam", "category: identity"));

    assertThatThrownBy(() -> CompiledCatalog.write(root, dir.resolve("out.json")))
        .hasMessageContaining("iam_user_created/rule.yaml:4: 'identity' is not a valid category");
  }
}
