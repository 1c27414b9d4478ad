package io.trailwatch.cli;

import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.rule.RuleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Which rule catalog a command runs: the built-in one, or a folder given with --rules. */
final class CatalogOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "Rule catalog folder (default: the catalog built into trailwatch).")
  Path rules;

  Path catalogRoot() {
    if (rules == null) {
      return Catalogs.builtIn();
    }
    if (!Files.isDirectory(rules)) {
      throw new IllegalArgumentException("--rules " + rules + ": not a directory");
    }
    return rules;
  }

  List<Rule> loadRules() {
    String runbookBase =
        rules == null ? RuleLoader.DEFAULT_RUNBOOK_BASE : rules.toString().replaceAll("/+$", "") + "/";
    return new RuleLoader(ConditionVocabulary.standard(), runbookBase).loadCatalog(catalogRoot());
  }
}
