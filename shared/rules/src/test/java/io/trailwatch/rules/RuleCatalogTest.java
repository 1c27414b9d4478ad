package io.trailwatch.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.detect.Detector;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.input.EventReader;
import io.trailwatch.core.input.EventSink;
import io.trailwatch.core.input.InputProblem;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.rule.Category;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.rule.RuleLoader;
import io.trailwatch.core.testing.SampleResult;
import io.trailwatch.core.testing.SampleRunner;
import io.trailwatch.core.config.ConfigLoader;
import io.trailwatch.core.config.Tuned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One test for the whole catalog, as Cloud Custodian and Elastic do it: every rule is held to the same
 * invariants, so a new rule folder is tested the moment it exists, with no test code to write.
 */
class RuleCatalogTest {
  static final Path CATALOG = Path.of("catalog");
  static final Path BASELINE = Path.of("../../events/baseline");
  static final List<String> RUNBOOK_HEADINGS =
      List.of("## Triage", "## Investigation steps", "## False positive analysis", "## Response");
  static final List<String> ENVELOPE_KEYS =
      List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");

  static List<Rule> rules;

  @BeforeAll
  static void loadCatalog() {
    rules = new RuleLoader(ConditionVocabulary.standard()).loadCatalog(CATALOG);
  }

  @Test
  void theCatalogCoversEveryCategory() {
    Set<Category> covered = EnumSet.noneOf(Category.class);
    rules.forEach(r -> covered.add(r.category()));
    assertThat(covered).containsExactlyInAnyOrder(Category.values());
    assertThat(rules).hasSizeGreaterThanOrEqualTo(16);
  }

  @Test
  void everySampleHasItsOwnEventIds() throws IOException {
    Map<String, Path> seen = new HashMap<>();
    List<String> clashes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CATALOG)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode event : events(file)) {
          for (String id : List.of(event.path("id").asText(), event.path("detail").path("eventID").asText())) {
            if (id.isEmpty()) {
              continue;
            }
            Path previous = seen.putIfAbsent(id, file);
            if (previous != null) {
              clashes.add(id + " in " + file + (previous.equals(file) ? " twice" : " and " + previous));
            }
          }
        }
      }
    }
    assertThat(clashes).as("ids reused across samples (copy-paste without a fresh id)").isEmpty();
  }

  @TestFactory
  Stream<DynamicNode> everyRule() {
    SampleRunner runner = new SampleRunner(rules);
    return rules.stream()
        .map(
            rule -> {
              List<DynamicNode> checks = new ArrayList<>();
              checks.add(dynamicTest("metadata", () -> checkMetadata(rule)));
              checks.add(dynamicTest("runbook", () -> checkRunbook(rule)));
              for (SampleResult result : runner.run(rule)) {
                checks.add(
                    dynamicTest(
                        result.sample(),
                        () -> {
                          assertThat(result.problem()).as(result.sample()).isNull();
                          if (!result.sample().startsWith("tests/")) {
                            checkEnvelope(rule.folder().resolve("tests").resolve(result.sample()));
                          }
                        }));
              }
              return dynamicContainer(rule.id(), checks);
            });
  }

  @Test
  void noFindingAboveLowOnTheBenignBaseline() {
    Set<String> ids = rules.stream().map(Rule::id).collect(java.util.stream.Collectors.toSet());
    Tuned detector =
        Tuned.of(
            rules,
            new ConfigLoader(ids, java.time.Clock.systemUTC()).load(Path.of("../../trailwatch.yaml")),
            (rule, event, error) -> {
              throw new AssertionError(rule.id() + " threw on " + event.eventId(), error);
            });
    List<String> fired = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    long[] events = new long[1];
    EventReader reader = new EventReader();
    for (Path file : baselineFiles()) {
      reader.read(
          file,
          file.toString(),
          new EventSink() {
            @Override
            public void event(AwsEvent event) {
              events[0]++;
              for (Finding f : detector.judge(event, java.time.Instant.now()).findings()) {
                // The CIS "any change" rules are LOW on purpose (a record, not a page): a busy day may
                // raise them. Anything that would page someone must stay quiet on benign traffic.
                if (io.trailwatch.core.rule.Severity.parse(f.severity()).compareTo(io.trailwatch.core.rule.Severity.LOW) > 0) {
                  fired.add(f.ruleId() + " (" + f.severity() + ") on " + f.eventName() + " " + f.eventId()
                      + " in " + file.getFileName());
                }
              }
            }

            @Override
            public void problem(InputProblem problem) {
              problems.add(problem);
            }
          });
    }
    assertThat(problems).isEmpty();
    assertThat(events[0]).as("baseline events read").isGreaterThanOrEqualTo(1000);
    assertThat(fired).as("findings above LOW on benign traffic").isEmpty();
  }

  static List<Path> baselineFiles() {
    try (Stream<Path> files = Files.walk(BASELINE)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError("cannot list " + BASELINE, e);
    }
  }

  private static void checkMetadata(Rule rule) {
    assertThat(rule.description()).as("description").startsWith("Detects");
    assertThat(rule.falsePositives()).as("false_positives").isNotEmpty();
    assertThat(rule.attack()).as("attack").isNotEmpty().allMatch(t -> t.matches("T\\d{4}(\\.\\d{3})?"));
    assertThat(rule.compliance()).as("compliance").isNotEmpty();
    // What an auditor maps alerts to: every rule names its ISO/IEC 27001:2022 Annex A controls and SOC 2
    // criteria (CIS only where a CIS control exists).
    assertThat(rule.compliance().getOrDefault("iso27001", List.of())).as("compliance.iso27001")
        .isNotEmpty().allMatch(c -> c.matches("A\\.[5-8]\\.\\d{1,2}"));
    assertThat(rule.compliance().getOrDefault("soc2", List.of())).as("compliance.soc2")
        .isNotEmpty().allMatch(c -> c.matches("(CC|A|C|PI|P)\\d\\.\\d{1,2}"));
    assertThat(rule.references()).as("references").isNotEmpty();
    assertThat(rule.title()).as("title names what happened, not \"Detect...\"").doesNotContainPattern("(?i)\\bdetect(s|ion|ed)?\\b");
    assertThat(rule.folder().getParent().getFileName().toString())
        .as("a rule's folder sits under its service, and its id starts with that service")
        .satisfies(service -> assertThat(rule.id()).startsWith(service + "_"));
    for (String other : rule.alsoFires()) {
      assertThat(rules).as("also_fires names a rule").anyMatch(r -> r.id().equals(other));
    }
  }

  private static void checkRunbook(Rule rule) throws IOException {
    assertThat(rule.firstSteps()).as("the Triage section lists steps an alert can show").isNotEmpty();
    String runbook = Files.readString(rule.folder().resolve("runbook.md"));
    int previous = -1;
    for (String heading : RUNBOOK_HEADINGS) {
      int at = runbook.indexOf("\n" + heading + "\n");
      assertThat(at).as("runbook.md has '%s' after the previous heading", heading).isGreaterThan(previous);
      previous = at;
    }
  }

  /** A sample's events: one, or for a stateful rule's sequence, each element of the array. */
  static List<JsonNode> events(Path sample) throws IOException {
    JsonNode node = Json.MAPPER.readTree(sample.toFile());
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(out::add);
    } else {
      out.add(node);
    }
    return out;
  }

  private static void checkEnvelope(Path sample) throws IOException {
    for (JsonNode event : events(sample)) {
      checkEnvelope(sample, event);
    }
  }

  private static void checkEnvelope(Path sample, JsonNode event) {
    for (String key : ENVELOPE_KEYS) {
      assertThat(event.has(key)).as("%s has the EventBridge envelope key '%s'", sample, key).isTrue();
    }
    if (event.path("detail-type").asText().endsWith("via CloudTrail")) {
      JsonNode detail = event.get("detail");
      for (String key : List.of("eventVersion", "eventTime", "eventSource", "eventName", "awsRegion", "eventID", "eventType")) {
        assertThat(detail.has(key)).as("%s detail has '%s'", sample, key).isTrue();
      }
      assertThat(event.path("time").asText()).as("envelope time = eventTime").isEqualTo(detail.path("eventTime").asText());
      assertThat(event.path("region").asText()).as("envelope region = awsRegion").isEqualTo(detail.path("awsRegion").asText());
    }
  }
}
