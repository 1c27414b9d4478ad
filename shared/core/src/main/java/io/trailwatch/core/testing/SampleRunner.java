package io.trailwatch.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.event.EventValidator;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.rule.Rule;
import io.trailwatch.core.config.ConfigLoader;
import io.trailwatch.core.config.TrailwatchConfig;
import io.trailwatch.core.config.Tuned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs a rule's own samples against the whole catalog, the way StreamAlert's rule tests do: a positive
 * must fire the rule and nothing else but the rules its {@code also_fires} allows (root removing root's
 * MFA is both an MFA finding and root activity), a negative must not fire it.
 * Shared by {@code trailwatch test} and the catalog-wide JUnit test, so both judge the same way.
 */
public final class SampleRunner {
  private final List<Rule> catalog;

  public SampleRunner(List<Rule> catalog) {
    this.catalog = catalog;
  }

  /** The samples of a rule, positive then negative, each as (kind, file). */
  public static List<Path> samples(Rule rule, String kind) {
    Path dir = rule.folder().resolve("tests").resolve(kind);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The configuration a rule's samples are evaluated with: its tests/tuning.yaml, or none. */
  public static TrailwatchConfig tuningFor(Rule rule) {
    Path tuning = rule.folder().resolve("tests").resolve("tuning.yaml");
    return Files.isRegularFile(tuning)
        ? new ConfigLoader(null, java.time.Clock.systemUTC()).load(tuning) : TrailwatchConfig.EMPTY;
  }

  public List<SampleResult> run(Rule rule) {
    List<SampleResult> results = new ArrayList<>();
    TrailwatchConfig config = tuningFor(rule);
    Set<String> expected = new TreeSet<>(rule.alsoFires());
    expected.add(rule.id());
    for (String kind : List.of("positive", "negative")) {
      List<Path> files = samples(rule, kind);
      if (files.isEmpty()) {
        results.add(new SampleResult(rule.id(), kind, "tests/" + kind, List.of(), "no " + kind + " sample"));
      }
      for (Path file : files) {
        String name = kind + "/" + file.getFileName();
        List<String> fired;
        try {
          // A fresh state per sample: a threshold's burst or a first-seen learning period is the file's own.
          fired = fire(Tuned.of(catalog, config, (r, e, error) -> {
            throw new IllegalStateException("rule " + r.id() + " threw: " + error, error);
          }), file);
        } catch (RuntimeException | IOException e) {
          results.add(new SampleResult(rule.id(), kind, name, List.of(), "cannot evaluate: " + e.getMessage()));
          continue;
        }
        String problem = null;
        if (kind.equals("positive") && !fired.contains(rule.id())) {
          problem = "did not fire " + rule.id() + " (fired " + fired + ")";
        } else if (kind.equals("positive") && !expected.containsAll(fired)) {
          problem = "also fired " + without(fired, expected) + ", which also_fires does not list";
        } else if (kind.equals("negative") && fired.contains(rule.id())) {
          problem = "fired " + rule.id() + " on a negative sample";
        }
        results.add(new SampleResult(rule.id(), kind, name, fired, problem));
      }
    }
    return results;
  }

  private static List<String> without(List<String> fired, Set<String> expected) {
    List<String> extra = new ArrayList<>(fired);
    extra.removeAll(expected);
    return extra;
  }

  /**
   * The rules a sample fires. A sample is one event, or for a stateful rule a JSON array of events in
   * time order (a burst, a learning period then something new): the rules that fired on any of them.
   */
  private static List<String> fire(Tuned engine, Path file) throws IOException {
    JsonNode node = Json.MAPPER.readTree(Files.readAllBytes(file));
    List<JsonNode> events = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(events::add);
    } else {
      events.add(node);
    }
    Set<String> ids = new java.util.LinkedHashSet<>();
    for (JsonNode one : events) {
      AwsEvent event = EventValidator.toEvent(one);
      for (Finding finding : engine.judge(event, java.time.Instant.now()).findings()) {
        ids.add(finding.ruleId());
      }
    }
    return new ArrayList<>(ids);
  }
}
