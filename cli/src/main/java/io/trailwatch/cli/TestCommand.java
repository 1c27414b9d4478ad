package io.trailwatch.cli;

import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.testing.SampleResult;
import io.trailwatch.core.testing.SampleRunner;
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
      description = "Rule ids or rule folders to test (default: all).")
  List<String> selected = new ArrayList<>();

  @Override
  public Integer call() {
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
