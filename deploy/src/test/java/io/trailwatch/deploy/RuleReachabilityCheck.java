package io.trailwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.deploy.support.EventBridgeRules;
import io.trailwatch.deploy.support.EventBridgeRules.Rule;
import io.trailwatch.deploy.support.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.event.ruler.Machine;

/**
 * Every positive sample of every rule of the catalog (an EventBridge event as AWS delivers it) passes
 * exactly one EventBridge rule that feeds the detector: none means the rule can never fire in Lambda, two
 * means the event is delivered, and alerted on, twice.
 *
 * <p>A rule's State is part of the answer: a read-only CloudTrail event ("readOnly": true) reaches a rule
 * only if that rule can be ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (EventBridge drops read-only
 * management events otherwise), and a rule that is only ever DISABLED reaches nothing.
 */
final class RuleReachabilityCheck {
  static final Path CATALOG = Path.of("../shared/rules/catalog");
  static final String ALL_MANAGEMENT_EVENTS = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

  private RuleReachabilityCheck() {}

  /** catalog/<service>/<rule_id>/tests/positive/*.json, sorted. */
  static List<Path> positiveSamples(Path catalog) {
    try (Stream<Path> files = Files.find(catalog, 5, (p, a) -> a.isRegularFile()
        && p.getFileName().toString().endsWith(".json")
        && p.getParent().getFileName().toString().equals("positive")
        && p.getParent().getParent().getFileName().toString().equals("tests")
        && catalog.relativize(p).getNameCount() == 5)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the samples of " + catalog, e);
    }
  }

  static List<String> problems(Template t, String function, List<Path> samples) throws Exception {
    List<Rule> rules = EventBridgeRules.of(t, function);
    Machine machine = new Machine();
    for (Rule rule : rules) {
      if (rule.pattern() != null) {
        machine.addRule(rule.event(), EventPatternCheck.json(rule.pattern()));
      }
    }
    List<String> unreachable = new ArrayList<>();
    List<String> twice = new ArrayList<>();
    for (Path sample : samples) {
      JsonNode whole = EventPatternCheck.JSON.readTree(Files.readString(sample));
      List<JsonNode> events = new ArrayList<>();
      if (whole.isArray()) {
        whole.forEach(events::add); // a stateful rule's sequence: every event of it must reach the detector
      } else {
        events.add(whole);
      }
      for (int i = 0; i < events.size(); i++) {
        JsonNode tree = events.get(i);
        String event = tree.toString();
        String name = display(sample) + (whole.isArray() ? "[" + i + "]" : "");
        boolean readOnly = tree.path("detail").path("readOnly").asBoolean(false)
            && tree.path("detail-type").asText().endsWith("via CloudTrail");
        List<String> delivering = machine.rulesForJSONEvent(event).stream()
            .filter(n -> delivers(rules.stream().filter(r -> r.event().equals(n)).findFirst().orElseThrow(), readOnly))
            .sorted()
            .toList();
        if (delivering.isEmpty()) {
          String why = readOnly ? " (read-only: needs a rule that can be " + ALL_MANAGEMENT_EVENTS + ")" : "";
          unreachable.add(name + why);
        } else if (delivering.size() > 1) {
          twice.add(name + " passes " + delivering);
        }
      }
    }
    List<String> problems = new ArrayList<>();
    if (!unreachable.isEmpty()) {
      problems.add(unreachable.size() + " of " + samples.size() + " positive samples pass no EventBridge rule of "
          + function + ", so their rules can never fire in Lambda; widen a Pattern in template.yaml: "
          + String.join(", ", unreachable));
    }
    if (!twice.isEmpty()) {
      problems.add(twice.size() + " positive samples pass more than one EventBridge rule of " + function
          + " and would be judged (and alerted on) twice: " + String.join(", ", twice));
    }
    return problems;
  }

  /** A catalog sample as service/rule/tests/positive/file.json; any other file as given. */
  private static String display(Path sample) {
    Path catalog = CATALOG.toAbsolutePath().normalize();
    Path file = sample.toAbsolutePath().normalize();
    return file.startsWith(catalog) ? catalog.relativize(file).toString() : sample.toString();
  }

  private static boolean delivers(Rule rule, boolean readOnly) {
    return rule.states().stream().anyMatch(state -> readOnly
        ? state.equals(ALL_MANAGEMENT_EVENTS)
        : state.equals("ENABLED") || state.equals(ALL_MANAGEMENT_EVENTS));
  }
}
