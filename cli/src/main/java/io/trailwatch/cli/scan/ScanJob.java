package io.trailwatch.cli.scan;

import io.trailwatch.core.config.Tuned;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.input.EventReader;
import io.trailwatch.core.input.EventSink;
import io.trailwatch.core.input.InputProblem;
import io.trailwatch.core.rule.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import io.trailwatch.core.detect.StatefulRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scans files in parallel (one file per worker, so both cores of a small machine work on multi-file
 * input) and hands results back in file order, so output is the same whatever the thread count.
 */
public final class ScanJob {
  private final Tuned engine;
  private final EventReader reader;
  private final ScanStats stats;
  private final int threads;
  private final Clock clock;

  /** @param clock what suppressions expire by: the clock, not the replayed events' time */
  public ScanJob(Tuned engine, int maxRecordBytes, ScanStats stats, int threads, Clock clock) {
    this.engine = engine;
    this.clock = clock;
    this.stats = stats;
    this.reader = new EventReader(maxRecordBytes, stats.bytes);
    this.threads = Math.max(1, threads);
  }

  /** Receives each file's outcome, in the order of {@code files}. */
  public interface Listener {
    void findings(List<Finding> findings);

    void problems(List<InputProblem> problems, long dropped);
  }

  private final List<StatefulRules.Candidate> pending = Collections.synchronizedList(new ArrayList<>());

  public void run(List<Path> files, Listener listener) throws InterruptedException {
    stats.filesTotal = files.size();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "scan");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<FileResult>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(pool.submit(() -> scanFile(file)));
      }
      for (Future<FileResult> future : futures) {
        FileResult result;
        try {
          result = future.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("scan worker failed: " + e.getCause(), e.getCause());
        }
        listener.problems(result.problems, result.problemsDropped);
        listener.findings(result.findings);
      }
      // Stateful rules (thresholds, first seen) are decided last, in the events' time order, so a
      // replay builds the same state whatever the thread count and the order of the files.
      List<StatefulRules.Candidate> candidates = new ArrayList<>(pending);
      candidates.sort(Comparator.comparing(StatefulRules.Candidate::time));
      Tuned.Judgement admitted = engine.admit(candidates, clock.instant());
      for (Finding finding : admitted.findings()) {
        stats.raised(finding.ruleId());
        stats.finding(Severity.valueOf(finding.severity()));
      }
      for (Tuned.Hidden hidden : admitted.hidden()) {
        stats.raised(hidden.finding().ruleId());
        stats.suppressed(hidden.finding().ruleId());
      }
      if (!admitted.findings().isEmpty()) {
        listener.findings(admitted.findings());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private FileResult scanFile(Path file) {
    FileResult result = new FileResult();
    Instant now = clock.instant();
    reader.read(
        file,
        file.toString(),
        new EventSink() {
          @Override
          public void event(AwsEvent event) {
            stats.events.increment();
            // One thread reads the files in order, so each match is decided as it comes (nothing held
            // in memory); several threads read files out of order, so matches wait for the end.
            Tuned.Judgement judged = threads == 1 ? engine.judge(event, now) : engine.judgeDeferred(event, now);
            pending.addAll(judged.pending());
            for (Finding finding : judged.findings()) {
              stats.raised(finding.ruleId());
              stats.finding(Severity.valueOf(finding.severity()));
              result.findings.add(finding);
            }
            for (Tuned.Hidden hidden : judged.hidden()) {
              stats.raised(hidden.finding().ruleId());
              stats.suppressed(hidden.finding().ruleId());
            }
          }

          @Override
          public void problem(InputProblem problem) {
            stats.problems.increment();
            result.problem(problem);
          }
        });
    stats.filesDone.incrementAndGet();
    return result;
  }
}
