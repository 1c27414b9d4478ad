package io.trailwatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.event.EventValidator;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.input.EventReader;
import io.trailwatch.core.input.EventSink;
import io.trailwatch.core.input.InputProblem;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.GenericMachine;

/**
 * The detector skips Event Ruler when the prefilter proves a rule's pattern; over every event this
 * repository holds (every rule's samples, the benign baseline, the incident), the prefilter must never
 * drop a match and never prove one that Event Ruler, judging the whole pattern, denies.
 */
class ProvenMatchesAgreeTest {
  @Test
  void prefilterAndEventRulerAgreeOnEveryEventOfTheRepository() throws IOException {
    List<Rule> rules = Catalogs.loadBuiltIn(ConditionVocabulary.standard());
    Prefilter<String> prefilter = new Prefilter<>();
    Map<String, GenericMachine<String>> machines = new HashMap<>();
    for (Rule rule : rules) {
      GenericMachine<String> machine = new GenericMachine<>();
      for (String pattern : rule.matchPatterns()) {
        machine.addRule(rule.id(), pattern);
        prefilter.addPattern(rule.id(), Json.MAPPER.readTree(pattern));
      }
      machines.put(rule.id(), machine);
    }
    List<AwsEvent> events = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Catalogs.builtIn())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json") && p.toString().contains("/tests/")).toList()) {
        JsonNode node = Json.MAPPER.readTree(Files.readString(f));
        for (JsonNode e : node.isArray() ? node : List.of(node)) {
          events.add(EventValidator.toEvent(e));
        }
      }
    }
    EventReader reader = new EventReader();
    for (String dir : List.of("../../events/baseline", "../../events/incidents")) {
      try (Stream<Path> files = Files.walk(Path.of(dir))) {
        for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).toList()) {
          reader.read(f, f.toString(), new EventSink() {
            @Override
            public void event(AwsEvent event) {
              events.add(event);
            }

            @Override
            public void problem(InputProblem problem) {}
          });
        }
      }
    }
    List<String> disagreements = new ArrayList<>();
    int provenCount = 0;
    for (AwsEvent event : events) {
      List<String> candidates = new ArrayList<>();
      List<String> proven = new ArrayList<>();
      prefilter.candidates(event, candidates, proven);
      for (Rule rule : rules) {
        boolean matches = !machines.get(rule.id()).rulesForJSONEvent(event.envelope()).isEmpty();
        if (matches && !candidates.contains(rule.id())) {
          disagreements.add("dropped " + rule.id() + " on " + event.eventId());
        }
        if (proven.contains(rule.id()) && !matches) {
          disagreements.add("proved " + rule.id() + " on " + event.eventId() + " which Event Ruler denies");
        }
      }
      provenCount += proven.size();
    }
    assertThat(disagreements).isEmpty();
    assertThat(events).as("events checked").hasSizeGreaterThan(3_500);
    assertThat(provenCount).as("matches proven without Event Ruler").isGreaterThan(100);
  }
}
