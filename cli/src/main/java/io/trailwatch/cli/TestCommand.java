package io.trailwatch.cli;

import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.testing.SampleResult;
import io.trailwatch.core.testing.SampleRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Runs rules' sample events: every positive must fire its rule (and nothing outside its also_fires), no"
          + " negative may fire it. Exit 1 when any rule fails.",
    })
final class TestCommand implements Callable<Integer> {
  @Mixin CatalogOptions catalog = new CatalogOptions();

  @Parameters(
      arity = "0..*",
      paramLabel = "RULE",
      description = {
        "Rule ids, rule folders or a catalog folder to test (default: every rule of the catalog).",
        "A folder on disk is tested as it is on disk: its catalog is the folder two levels up"
            + " (<catalog>/<service>/<rule_id>), so an edited rule is tested before it is built."
      })
  List<String> selected = new ArrayList<>();

  @Override
  public Integer call() {
    resolveFolders();
    List<Rule> rules = catalog.loadRules();
    SampleRunner runner = new SampleRunner(rules);
    int failedRules = 0;
    int tested = 0;
    int samples = 0;
    for (Rule rule : rules) {
      if (!isSelected(rule)) {
        continue;
      }
      tested++;
      List<SampleResult> results = runner.run(rule);
      samples += results.size();
      List<SampleResult> failures = results.stream().filter(r -> !r.passed()).toList();
      long pos = results.stream().filter(r -> r.kind().equals("positive")).count();
      long neg = results.size() - pos;
      if (failures.isEmpty()) {
        System.out.printf("PASS  %s (%d positive, %d negative)%n", rule.id(), pos, neg);
      } else {
        failedRules++;
        System.out.printf("FAIL  %s%n", rule.id());
        for (SampleResult f : failures) {
          System.out.printf("      %s: %s%n", f.sample(), f.problem());
        }
      }
    }
    if (tested == 0) {
      System.err.println("trailwatch: no rule matches " + selected);
      return Main.EXIT_USAGE;
    }
    System.out.printf("%d rules, %d samples: %d passed, %d failed%n", tested, samples, tested - failedRules, failedRules);
    return failedRules == 0 ? 0 : Main.EXIT_TEST_FAILED;
  }

  /** Turns folder arguments into a catalog (--rules) and rule ids. */
  private void resolveFolders() {
    List<String> ids = new ArrayList<>();
    for (String arg : selected) {
      Path path = Path.of(arg);
      if (!Files.isDirectory(path)) {
        ids.add(arg);
        continue;
      }
      Path root;
      if (Files.isRegularFile(path.resolve("rule.yaml"))) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        root = parent == null ? null : parent.getParent();
        ids.add(path.toAbsolutePath().normalize().getFileName().toString());
      } else {
        root = path;
      }
      if (root == null) {
        throw new IllegalArgumentException(arg + ": a rule folder sits at <catalog>/<service>/<rule_id>");
      }
      if (catalog.rules != null && !catalog.rules.toAbsolutePath().normalize().equals(root.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException(arg + " is not in the catalog given with --rules " + catalog.rules);
      }
      catalog.rules = root;
    }
    selected = ids;
  }

  private boolean isSelected(Rule rule) {
    if (selected.isEmpty()) {
      return true;
    }
    for (String s : selected) {
      String trimmed = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
      if (trimmed.equals(rule.id()) || trimmed.endsWith("/" + rule.id())) {
        return true;
      }
    }
    return false;
  }
}
