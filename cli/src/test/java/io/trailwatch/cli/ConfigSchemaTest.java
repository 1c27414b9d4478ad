package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.config.ConfigLoader;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published schema and the commented example hold: the example is valid, the schema names exactly the
 * keys ConfigLoader knows (so neither can drift from the other), and the example, the sample account's
 * configuration and the valid configurations of docs/tuning.md all pass the schema too.
 */
class ConfigSchemaTest {
  static final Path REPO = DocExamplesTest.REPO;
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theExampleIsAValidConfigurationWithEverySection() throws IOException {
    String text = Files.readString(REPO.resolve("trailwatch.example.yaml"));
    Set<String> ids = Catalogs.loadBuiltIn(ConditionVocabulary.standard()).stream().map(Rule::id)
        .collect(Collectors.toSet());
    // The example's suppressions expire on written dates: judged on the day it was written, as the docs are.
    ConfigLoader loader = new ConfigLoader(ids, Clock.fixed(DocExamplesTest.TODAY, ZoneOffset.UTC));

    assertThat(loader.validate(text, "trailwatch.example.yaml")).isEmpty();
    JsonNode example = YAML.readTree(text);
    assertThat(fieldNames(example)).containsExactlyElementsOf(ConfigLoader.knownKeys().get(""));
    Map<String, Set<String>> used = new LinkedHashMap<>();
    keysUsed(example, "", used);
    // sns and security_hub take the same filter: between them, the example shows each of its keys.
    Map<String, Set<String>> known = new LinkedHashMap<>(ConfigLoader.knownKeys());
    Set<String> filter = known.remove("/routing/sns");
    known.remove("/routing/security_hub");
    Set<String> filtersUsed = new LinkedHashSet<>(used.remove("/routing/sns"));
    filtersUsed.addAll(used.remove("/routing/security_hub"));
    assertThat(filtersUsed).containsExactlyInAnyOrderElementsOf(filter);
    assertThat(used).as("the example uses every key of every section").isEqualTo(known);
  }

  @Test
  void theSchemaNamesExactlyTheKeysTheLoaderKnows() throws IOException {
    JsonNode schema = Json.MAPPER.readTree(REPO.resolve("docs/trailwatch.schema.json").toFile());
    Map<String, Set<String>> inSchema = new LinkedHashMap<>();
    schemaKeys(schema, "", inSchema);

    assertThat(inSchema).isEqualTo(ConfigLoader.knownKeys());
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void theExampleAndTheDocsConfigurationsPassTheSchema() throws IOException {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Json.MAPPER.readTree(REPO.resolve("docs/trailwatch.schema.json").toFile()));
    Map<String, String> configurations = new LinkedHashMap<>();
    configurations.put("trailwatch.example.yaml", Files.readString(REPO.resolve("trailwatch.example.yaml")));
    configurations.put("trailwatch.yaml", Files.readString(REPO.resolve("trailwatch.yaml")));
    for (DocExamplesTest.Block b : DocExamplesTest.blocks("docs/tuning.md", Files.readString(REPO.resolve("docs/tuning.md")))) {
      if ("config".equals(b.markerKind()) && !b.invalid()) {
        configurations.put(b.name(), b.text());
      }
    }
    assertThat(configurations).hasSizeGreaterThan(5);
    configurations.forEach((name, text) -> {
      JsonNode tree;
      try {
        tree = YAML.readTree(text);
      } catch (IOException e) {
        throw new AssertionError(name + ": " + e.getMessage(), e);
      }
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        tree = Json.MAPPER.createObjectNode();
      }
      assertThat(schema.validate(tree)).as(name).isEmpty();
    });
  }

  @Test
  void theSchemaRefusesWhatTheLoaderRefuses() throws IOException {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Json.MAPPER.readTree(REPO.resolve("docs/trailwatch.schema.json").toFile()));
    for (String invalid : List.of(
        "rules: {iam_admin_policy_attached: {dedup_windw: 4h}}",
        "suppressions: [{id: x, rules: ['*'], match: {source: [aws.s3]}, reason: r, expires: 2027-01-01}]",
        "routing: {slack: [{min_severity: HIGH}]}",
        "alerts: {digest_threshold: -1}",
        "change_window: {}")) {
      assertThat(schema.validate(YAML.readTree(invalid))).as(invalid).isNotEmpty();
    }
  }

  /** The keys of each mapping of a configuration, by the pointer pattern ConfigLoader.knownKeys uses. */
  private static void keysUsed(JsonNode node, String pointer, Map<String, Set<String>> out) {
    Set<String> known = ConfigLoader.knownKeys().keySet();
    if (node.isObject()) {
      if (known.contains(pointer)) {
        out.computeIfAbsent(pointer, k -> new LinkedHashSet<>()).addAll(fieldNames(node));
      }
      node.fields().forEachRemaining(e -> {
        String named = pointer + "/" + e.getKey();
        String any = pointer + "/*";
        keysUsed(e.getValue(), prefixOfKnown(named, known) ? named : any, out);
      });
    } else if (node.isArray()) {
      node.forEach(item -> keysUsed(item, pointer + "/*", out));
    }
  }

  private static boolean prefixOfKnown(String pointer, Set<String> known) {
    return known.stream().anyMatch(k -> k.equals(pointer) || k.startsWith(pointer + "/"));
  }

  /** Where the schema declares properties, by pointer pattern: properties by name, items and maps as *. */
  private static void schemaKeys(JsonNode schema, String pointer, Map<String, Set<String>> out) {
    JsonNode properties = schema.path("properties");
    if (properties.isObject()) {
      out.put(pointer, new LinkedHashSet<>(fieldNames(properties)));
      properties.fields().forEachRemaining(e -> schemaKeys(e.getValue(), pointer + "/" + e.getKey(), out));
    }
    if (schema.path("additionalProperties").isObject()) {
      schemaKeys(schema.get("additionalProperties"), pointer + "/*", out);
    }
    if (schema.path("items").isObject()) {
      schemaKeys(schema.get("items"), pointer + "/*", out);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
