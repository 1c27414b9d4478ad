package io.trailwatch.cli;

import io.trailwatch.cli.scan.RuleStats;
import io.trailwatch.core.config.ConfigLoader;
import io.trailwatch.core.config.ConfigProblem;
import io.trailwatch.core.config.Routing;
import io.trailwatch.core.config.Suppression;
import io.trailwatch.core.config.TrailwatchConfig;
import io.trailwatch.core.rule.Rule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code trailwatch config validate FILE}: the tuning configuration checked before it ships. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Works with the tuning configuration (trailwatch.yaml). See docs/tuning.md.",
    subcommands = {ConfigCommand.Validate.class})
final class ConfigCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return Main.EXIT_USAGE;
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Checks a configuration against the rules of the catalog: unknown keys, rule ids that do not exist,"
            + " bad patterns, CIDRs and time zones, suppressions without an owner, a reason or an expiry, and"
            + " suppressions that have expired (clean them up: they no longer suppress anything).",
        "Prints each problem as FILE:LINE: message and exits 1, or prints a summary and exits 0;"
            + " exits 2 on usage errors."
      })
  static final class Validate implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The configuration (YAML, or JSON).")
    Path file;

    @Mixin CatalogOptions catalog = new CatalogOptions();

    @Override
    public Integer call() {
      PrintStream out = System.out;
      Path resolved = Main.workingDirectory.resolve(file);
      if (!Files.isRegularFile(resolved)) {
        System.err.println("trailwatch: " + file + ": no such file");
        return Main.EXIT_USAGE;
      }
      String text;
      try {
        text = Files.readString(resolved);
      } catch (IOException e) {
        System.err.println("trailwatch: " + file + ": cannot read: " + e.getMessage());
        return Main.EXIT_USAGE;
      }
      Set<String> ids = catalog.loadRules().stream().map(Rule::id).collect(Collectors.toSet());
      ConfigLoader loader = new ConfigLoader(ids, Main.clock);
      String where = file.toString();
      List<ConfigProblem> problems = loader.validate(text, where);
      if (!problems.isEmpty()) {
        problems.forEach(out::println);
        return Main.EXIT_TEST_FAILED;
      }
      out.println(where + ": valid: " + summary(loader.parse(text, where)));
      return 0;
    }

    /** One line: what the configuration holds, and which suppression expires first. */
    static String summary(TrailwatchConfig c) {
      StringBuilder line = new StringBuilder();
      line.append(count(c.allowlists().size(), "allowlist")).append(", ");
      line.append(count(c.overrides().size(), "rule override")).append(", ");
      line.append(count(c.suppressions().size(), "suppression"));
      Optional<Suppression> soonest = c.suppressions().stream().min(Comparator.comparing(Suppression::expires));
      soonest.ifPresent(s -> line.append(" (the first to expire: ").append(s.id()).append(" on ")
          .append(RuleStats.expiry(s.expires())).append(')'));
      line.append(", ").append(count(c.changeWindows().size(), "change window")).append(", ");
      if (c.routing().equals(Routing.DEFAULT)) {
        line.append("default routing");
      } else {
        line.append(count(c.routing().slack().size(), "Slack route"));
      }
      return line.toString();
    }

    private static String count(int n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }
  }
}
