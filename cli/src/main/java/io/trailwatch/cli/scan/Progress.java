package io.trailwatch.cli.scan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The progress line of a long scan on a terminal: files, events and MB/s, redrawn in place twice a
 * second. Off when output goes to a pipe or CI, where it would only be noise in a log.
 */
public final class Progress implements AutoCloseable {
  private final ScanStats stats;
  private final PrintStream err;
  private final long start = System.nanoTime();
  private final Thread thread;
  private volatile boolean running = true;

  public Progress(ScanStats stats, PrintStream err, boolean enabled) {
    this.stats = stats;
    this.err = err;
    if (enabled) {
      thread = new Thread(this::loop, "progress");
      thread.setDaemon(true);
      thread.start();
    } else {
      thread = null;
    }
  }

  /**
   * Stderr is a terminal and this is not CI. Java only says whether stdin and stdout are terminals, and
   * {@code scan logs/ > findings.txt} should still show progress, so on Linux stderr's file descriptor is
   * looked at too.
   */
  public static boolean interactive() {
    if (System.getenv("CI") != null) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      err.printf(
          "\r  files %d/%d · events %,d · %.1f MB/s   ",
          stats.filesDone.get(),
          stats.filesTotal,
          stats.events.sum(),
          stats.bytes.sum() / 1e6 / Math.max(seconds, 1e-3));
      err.flush();
    }
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      err.print("\r" + " ".repeat(70) + "\r");
      err.flush();
    }
  }
}
