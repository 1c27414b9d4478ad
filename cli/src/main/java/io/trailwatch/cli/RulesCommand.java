package io.trailwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.rule.Rule;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists the rule catalog: a table, or JSON with --format json.")
final class RulesCommand implements Callable<Integer> {
  @Mixin CatalogOptions catalog = new CatalogOptions();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  String format;

  @Override
  public Integer call() throws Exception {
    List<Rule> rules =
        catalog.loadRules().stream()
            .sorted(Comparator.comparing((Rule r) -> r.category().ordinal()).thenComparing(Rule::id))
            .toList();
    if (format.equals("json")) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      for (Rule r : rules) {
        ObjectNode o = array.addObject();
        o.put("id", r.id());
        o.put("title", r.title());
        o.put("category", r.category().label());
        o.put("severity", r.severity().name());
        o.put("status", r.status().label());
        o.put("description", r.description());
        o.set("attack", Json.MAPPER.valueToTree(r.attack()));
        o.set("compliance", Json.MAPPER.valueToTree(r.compliance()));
        o.set("falsePositives", Json.MAPPER.valueToTree(r.falsePositives()));
        o.put("runbook", r.runbookPath());
      }
      System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
      return 0;
    }
    if (!format.equals("text")) {
      System.err.println("trailwatch: --format " + format + ": use text or json");
      return Main.EXIT_USAGE;
    }
    int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
    System.out.printf("%-" + width + "s  %-10s  %-13s  %-12s  %s%n", "RULE", "CATEGORY", "SEVERITY", "STATUS", "TITLE");
    for (Rule r : rules) {
      System.out.printf(
          "%-" + width + "s  %-10s  %-13s  %-12s  %s%n",
          r.id(), r.category().label(), r.severity().name(), r.status().label(), r.title());
    }
    System.out.printf("%d rules%n", rules.size());
    return 0;
  }
}
