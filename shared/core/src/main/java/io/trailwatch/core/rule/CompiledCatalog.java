package io.trailwatch.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.event.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog as one JSON document, written at build time for the Lambda functions. Reading 24 YAML files
 * through a zip file system costs about a quarter of a second of cold start (walking the jar, starting the
 * YAML parser); one JSON resource costs a few milliseconds. The rules are the same: the document holds
 * each rule.yaml as parsed, and loading it runs the same validation and builds the same conditions.
 *
 * <p>{@code java io.trailwatch.core.rule.CompiledCatalog CATALOG_DIR OUT_FILE} writes it (the detect
 * function's build does); a broken rule fails that build with the usual file-and-line messages.
 */
public final class CompiledCatalog {
  public static final String RESOURCE = "catalog.compiled.json";

  private CompiledCatalog() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CompiledCatalog CATALOG_DIR OUT_FILE");
    }
    write(Path.of(args[0]), Path.of(args[1]));
  }

  /** Validates every rule under the root, then writes them as one document. */
  public static void write(Path root, Path out) throws IOException {
    List<Rule> rules = new RuleLoader(ConditionVocabulary.standard()).loadCatalog(root);
    ArrayNode document = Json.MAPPER.createArrayNode();
    for (Rule rule : rules) {
      Path folder = rule.folder();
      ObjectNode entry = document.addObject();
      entry.put("folder", root.relativize(folder).toString().replace('\\', '/'));
      entry.set("rule", RuleLoader.readYaml(folder.resolve("rule.yaml")));
      entry.set("firstSteps", Json.MAPPER.valueToTree(rule.firstSteps()));
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, Json.MAPPER.writeValueAsBytes(document));
  }

  /** Reads the document back into rules (their folder is null: a compiled catalog carries no samples). */
  public static List<Rule> read(InputStream in, ConditionVocabulary vocabulary, String runbookBase)
      throws IOException {
    RuleLoader loader = new RuleLoader(vocabulary, runbookBase);
    List<Rule> rules = new ArrayList<>();
    for (JsonNode entry : Json.MAPPER.readTree(in)) {
      String folder = entry.path("folder").asText();
      List<String> steps = new ArrayList<>();
      entry.path("firstSteps").forEach(s -> steps.add(s.asText()));
      rules.add(loader.fromDocument(entry.get("rule"), RESOURCE + ": " + folder, Map.of(), folder, null, List.of(),
          List.copyOf(steps)));
    }
    return rules;
  }
}
