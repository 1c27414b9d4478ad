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
import java.util.ArrayList;
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
            // Stateful rules are decided as events are read, so nothing is held and memory stays flat:
            // one thread reads the files in order (an exact replay); several read files side by side.
            Tuned.Judgement judged = engine.judge(event, now);
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
