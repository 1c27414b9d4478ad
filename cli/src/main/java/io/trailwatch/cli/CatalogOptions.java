package io.trailwatch.cli;

import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.condition.EvaluationContext;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.rule.RuleLoader;
import io.trailwatch.core.tuning.TuningLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that runs rules shares: which catalog, which configuration. */
final class CatalogOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "Rule catalog folder (default: the catalog built into trailwatch).")
  Path rules;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Tuning configuration (default: ./trailwatch.yaml if present).")
  Path config;

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

  EvaluationContext loadTuning() {
    Path file = config;
    if (file == null) {
      Path local = Path.of("trailwatch.yaml");
      if (!Files.isRegularFile(local)) {
        return EvaluationContext.EMPTY;
      }
      file = local;
    } else if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--config " + file + ": no such file");
    }
    return TuningLoader.load(file);
  }
}
