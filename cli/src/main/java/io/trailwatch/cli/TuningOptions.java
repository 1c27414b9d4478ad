package io.trailwatch.cli;

import io.trailwatch.core.condition.EvaluationContext;
import io.trailwatch.core.tuning.TuningLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The tuning configuration a scan runs with: --config FILE, or ./trailwatch.yaml when it exists. */
final class TuningOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Tuning configuration (default: ./trailwatch.yaml if present).")
  Path config;

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
