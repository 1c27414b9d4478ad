package io.trailwatch.cli;

import io.trailwatch.core.config.ConfigException;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code trailwatch} command. Exit codes: 0 ran (whatever it found), 1 a rule test failed or
 * {@code config validate} found problems, 2 usage or I/O error (one line, never a stack trace), 3
 * {@code --fail-on} met, 4 a destination did not take a finding.
 */
@Command(
    name = "trailwatch",
    mixinStandardHelpOptions = true,
    version = "trailwatch 0.1.0",
    description = "Detects threats in AWS CloudTrail and Config events.",
    subcommands = {
      ScanCommand.class,
      RulesCommand.class,
      TestCommand.class,
      NewRuleCommand.class,
      ConfigCommand.class,
      BenchCommand.class,
      InvokeCommand.class,
      ColdStartCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int EXIT_TEST_FAILED = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_FAIL_ON = 3;
  public static final int EXIT_UNDELIVERED = 4;

  /**
   * The process environment, read through here so a test can run the real command with an environment
   * of its own (an SDK endpoint pointing at a local server) without touching the JVM's.
   */
  static volatile java.util.Map<String, String> environment = System.getenv();

  /**
   * The clock suppressions expire by. A test pins it, so examples whose suppressions expire on a written
   * date (docs/tuning.md) show the same output whatever day they run.
   */
  static volatile Clock clock = Clock.systemUTC();

  /**
   * Where defaults are looked up ({@code ./trailwatch.yaml}, {@code ./shared/rules/catalog}): the process's
   * folder. A test points it elsewhere to run the real command as if started in another folder.
   */
  static volatile Path workingDirectory = Path.of("");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code; used by tests to run the real command in-process. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException invalid) {
            invalid.problems().forEach(p -> commandLine.getErr().println("trailwatch: " + p));
            return EXIT_USAGE;
          }
          commandLine.getErr().println("trailwatch: " + oneLine(e));
          return EXIT_USAGE;
        });
    return cli.execute(args);
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message;
  }
}
