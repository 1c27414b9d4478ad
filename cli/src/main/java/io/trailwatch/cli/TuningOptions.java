package io.trailwatch.cli;

import io.trailwatch.core.config.ConfigLoader;
import io.trailwatch.core.config.TrailwatchConfig;
import io.trailwatch.core.rule.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The tuning configuration a command runs with: --config FILE, or ./trailwatch.yaml when it exists. */
final class TuningOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Tuning configuration: allowlists, overrides, suppressions, change windows, routing"
          + " (default: ./trailwatch.yaml if present). See docs/tuning.md.")
  Path config;

  /**
   * The configuration, checked against the rules it will run with.
   *
   * @throws io.trailwatch.core.config.ConfigException naming each problem's line
   */
  TrailwatchConfig loadConfig(List<Rule> rules) {
    Path file = config;
    if (file == null) {
      Path local = Main.workingDirectory.resolve("trailwatch.yaml");
      if (!Files.isRegularFile(local)) {
        return TrailwatchConfig.EMPTY;
      }
      file = local;
    } else if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--config " + file + ": no such file");
    }
    Set<String> ids = rules.stream().map(Rule::id).collect(Collectors.toSet());
    return new ConfigLoader(ids, Main.clock).load(file);
  }
}
