package io.trailwatch.core.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trailwatch.core.condition.Condition;
import io.trailwatch.core.condition.ConditionVocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * Discovers rule folders under a catalog root ({@code <service>/<rule_id>/rule.yaml}) and loads them.
 * Nothing lists the rules: a folder with a {@code rule.yaml} is a rule, a folder whose name starts with
 * {@code _} (the template) is not. Every problem in every file is collected before failing, so one run
 * shows all of them, each with its file and line.
 */
public final class RuleLoader {
  static final Set<String> KEYS =
      Set.of(
          "id", "title", "description", "category", "severity", "status", "match", "conditions",
          "exceptions", "include_failed_calls", "alert", "dedup", "resources", "attack", "compliance",
          "false_positives", "references", "also_fires", "author", "anchors", "threshold", "first_seen");
  private static final Set<String> COMPLIANCE_KEYS = Set.of("cis_aws", "iso27001", "soc2", "gdpr");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)+");
  /** Created on first use: a compiled catalog never needs it, and the YAML parser is slow to start. */
  private static final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
  }

  /** Where runbooks are found by people reading a finding: the catalog's place in the repository. */
  public static final String DEFAULT_RUNBOOK_BASE = "shared/rules/catalog/";

  private final ConditionVocabulary vocabulary;
  private final String runbookBase;

  /**
   * @param runbookBase prefix of each finding's runbook link (a path in the repository, or the URL of
   *     a hosted copy of the catalog)
   */
  public RuleLoader(ConditionVocabulary vocabulary, String runbookBase) {
    this.vocabulary = vocabulary;
    this.runbookBase = runbookBase;
  }

  public RuleLoader(ConditionVocabulary vocabulary) {
    this(vocabulary, DEFAULT_RUNBOOK_BASE);
  }

  /** Loads every rule under the root, or throws one exception listing every broken file. */
  public List<Rule> loadCatalog(Path root) {
    List<Path> files = ruleFiles(root);
    List<Rule> rules = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Path> seen = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        Rule rule = loadRule(file, root);
        Path previous = seen.putIfAbsent(rule.id(), file);
        if (previous != null) {
          problems.add(display(file, root) + ": duplicate rule id '" + rule.id() + "', also in " + display(previous, root));
        } else {
          rules.add(rule);
        }
      } catch (RuleLoadException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
    return rules;
  }

  /** The rule.yaml files under the root, in a stable order; the template folder is skipped. */
  public static List<Path> ruleFiles(Path root) {
    if (!Files.isDirectory(root)) {
      throw new RuleLoadException(List.of(root + ": not a directory of rules"));
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("rule.yaml"))
          .filter(p -> !underTemplate(root.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new RuleLoadException(List.of(root + ": cannot list rules: " + e.getMessage()));
    }
  }

  private static boolean underTemplate(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  /** Loads one rule file; problems are reported as {@code file:line: message}. */
  public Rule loadRule(Path file, Path root) {
    String where = display(file, root);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RuleLoadException(List.of(where + ": cannot read: " + e.getMessage()));
    }
    JsonNode doc;
    try {
      doc = Yaml.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new RuleLoadException(
          List.of(where + ":" + line + ": not valid YAML: " + e.getOriginalMessage()));
    }
    if (doc == null || !doc.isObject()) {
      throw new RuleLoadException(List.of(where + ": a rule file must be a YAML mapping"));
    }
    Map<String, Integer> lines = YamlLines.topLevelKeys(text);
    Path folder = file.getParent();
    String relativeFolder = root.relativize(folder).toString().replace('\\', '/');
    List<String> missing = Files.isRegularFile(folder.resolve("runbook.md")) ? List.of() : List.of("runbook.md");
    List<String> steps = List.of();
    if (missing.isEmpty()) {
      try {
        steps = Runbooks.firstSteps(Files.readString(folder.resolve("runbook.md"), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new RuleLoadException(List.of(where + ": cannot read runbook.md: " + e.getMessage()));
      }
    }
    return fromDocument(doc, where, lines, relativeFolder, folder, missing, steps);
  }

  /** The YAML of a rule file as JSON, for the compiled catalog (no YAML parser at a function's start). */
  static JsonNode readYaml(Path file) throws IOException {
    return Yaml.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Builds a rule from its parsed document.
   *
   * @param relativeFolder the rule's folder under the catalog root ({@code iam/iam_user_created})
   * @param folder the folder itself, or null for a compiled catalog (which has no samples)
   * @param missingFiles files the folder should have and does not
   */
  Rule fromDocument(
      JsonNode doc, String where, Map<String, Integer> lines, String relativeFolder, Path folder,
      List<String> missingFiles, List<String> firstSteps) {
    Fields f = new Fields(doc, where, lines);
    for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        f.problem(key, "unknown key '" + key + "'; known keys: " + new TreeSet<>(KEYS));
      }
    }
    String id = f.text("id", true);
    String folderName = relativeFolder.substring(relativeFolder.lastIndexOf('/') + 1);
    if (id != null && !ID.matcher(id).matches()) {
      f.problem("id", "id '" + id + "' must be snake_case <service>_<object>_<change>");
    }
    if (id != null && !id.equals(folderName)) {
      f.problem("id", "id '" + id + "' must equal its folder name '" + folderName + "'");
    }
    String title = f.text("title", true);
    String description = f.text("description", true);
    Category category = f.enumValue("category", Category.class);
    Severity severity = null;
    String severityText = f.text("severity", true);
    if (severityText != null) {
      try {
        severity = Severity.parse(severityText);
      } catch (IllegalArgumentException e) {
        f.problem("severity", "severity '" + severityText + "' is not one of INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL");
      }
    }
    Status status = f.enumValue("status", Status.class);
    List<String> patterns = patterns(f, doc.get("match"), folder);
    List<Condition> conditions = conditions(f, "conditions");
    List<Condition> exceptions = conditions(f, "exceptions");
    boolean includeFailed = f.bool("include_failed_calls");
    String alertTitle = title;
    JsonNode alert = doc.get("alert");
    if (alert != null) {
      if (!alert.isObject() || !alert.path("title").isTextual()) {
        f.problem("alert", "alert must be a mapping with a 'title' template");
      } else {
        alertTitle = alert.get("title").asText();
      }
    }
    List<String> dedupKeys = List.of("ruleId", "eventId");
    Duration dedupWindow = Duration.ofHours(1);
    JsonNode dedup = doc.get("dedup");
    if (dedup != null) {
      if (!dedup.isObject()) {
        f.problem("dedup", "dedup must be a mapping with 'keys' and 'window'");
      } else {
        if (dedup.has("keys")) {
          dedupKeys = f.strings(dedup.get("keys"), "dedup");
        }
        if (dedup.has("window")) {
          try {
            dedupWindow = Durations.parse(dedup.get("window").asText());
          } catch (IllegalArgumentException e) {
            f.problem("dedup", e.getMessage());
          }
        }
      }
    }
    List<ResourceRef> resources = resources(f, doc.get("resources"));
    List<String> attack = f.list("attack");
    Map<String, List<String>> compliance = compliance(f, doc.get("compliance"));
    List<String> falsePositives = f.list("false_positives");
    List<String> references = f.list("references");
    List<String> alsoFires = f.list("also_fires");
    List<String> anchors = f.list("anchors");
    Threshold threshold = threshold(f, doc.get("threshold"));
    FirstSeen firstSeen = firstSeen(f, doc.get("first_seen"));
    if (threshold != null && firstSeen != null) {
      f.problem("first_seen", "a rule has either a threshold or first_seen, not both");
    }
    for (String file : missingFiles) {
      f.problem("id", "missing " + file + " beside rule.yaml");
    }
    if (!f.problems.isEmpty()) {
      throw new RuleLoadException(f.problems);
    }
    String runbook = runbookBase + relativeFolder + "/runbook.md";
    return new Rule(
        id, title, description.trim(), category, severity, status, patterns, conditions, exceptions,
        includeFailed, alertTitle, dedupKeys, dedupWindow, resources, attack, compliance,
        falsePositives, references, alsoFires, runbook, folder, firstSteps, anchors, threshold, firstSeen);
  }

  private static Threshold threshold(Fields f, JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isObject() || !node.path("count").canConvertToInt() || !node.has("window")) {
      f.problem("threshold", "threshold must be a mapping with 'count' (2 or more), 'window' and optional 'group_by'");
      return null;
    }
    int count = node.get("count").asInt();
    if (count < 2) {
      f.problem("threshold", "threshold count must be 2 or more (1 is an ordinary rule)");
      return null;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!Set.of("count", "window", "group_by", "distinct").contains(key)) {
        f.problem("threshold", "unknown key '" + key + "' in threshold; known keys: [count, window, group_by, distinct]");
      }
    }
    JsonNode distinct = node.get("distinct");
    if (distinct != null && (!distinct.isTextual() || distinct.asText().isBlank())) {
      f.problem("threshold", "threshold distinct must be one field (a dotted path, or account, region, actor, sourceIp)");
      return null;
    }
    try {
      Duration window = Durations.parse(node.get("window").asText());
      List<String> groupBy = node.has("group_by") ? f.strings(node.get("group_by"), "threshold") : List.of("account", "actor");
      return new Threshold(count, window, groupBy, distinct == null ? null : distinct.asText());
    } catch (IllegalArgumentException e) {
      f.problem("threshold", e.getMessage());
      return null;
    }
  }

  private static FirstSeen firstSeen(Fields f, JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isObject() || !node.path("keys").isArray() || node.path("keys").isEmpty()) {
      f.problem("first_seen", "first_seen must be a mapping with 'keys' (the values whose combination is new) and optional 'learning'");
      return null;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!Set.of("keys", "learning").contains(key)) {
        f.problem("first_seen", "unknown key '" + key + "' in first_seen; known keys: [keys, learning]");
      }
    }
    try {
      Duration learning = node.has("learning") ? Durations.parse(node.get("learning").asText()) : Duration.ofDays(14);
      return new FirstSeen(f.strings(node.get("keys"), "first_seen"), learning);
    } catch (IllegalArgumentException e) {
      f.problem("first_seen", e.getMessage());
      return null;
    }
  }

  private List<String> patterns(Fields f, JsonNode match, Path folder) {
    List<String> out = new ArrayList<>();
    if (match == null) {
      f.problem("match", "missing 'match': an EventBridge event pattern");
      return out;
    }
    List<JsonNode> nodes = new ArrayList<>();
    if (match.isArray()) {
      match.forEach(nodes::add);
    } else {
      nodes.add(match);
    }
    for (JsonNode node : nodes) {
      if (!node.isObject()) {
        f.problem("match", "'match' must be an event pattern (a mapping) or a list of them");
        continue;
      }
      String json = node.toString();
      // A compiled catalog was checked when it was built; the detector's machine compiles it again anyway.
      String error = folder == null ? null : JsonRuleCompiler.check(json);
      if (error != null) {
        f.problem("match", "invalid EventBridge pattern: " + error);
      } else {
        out.add(json);
      }
    }
    return out;
  }

  private List<Condition> conditions(Fields f, String key) {
    List<Condition> out = new ArrayList<>();
    JsonNode list = f.doc.get(key);
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      f.problem(key, "'" + key + "' must be a list of conditions");
      return out;
    }
    for (JsonNode spec : list) {
      try {
        out.add(vocabulary.build(spec));
      } catch (IllegalArgumentException e) {
        f.problem(key, e.getMessage());
      }
    }
    return out;
  }

  private static List<ResourceRef> resources(Fields f, JsonNode node) {
    List<ResourceRef> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!node.isArray()) {
      f.problem("resources", "'resources' must be a list of {type, field}");
      return out;
    }
    for (JsonNode r : node) {
      if (!r.path("type").isTextual() || !r.path("field").isTextual() || r.size() != 2) {
        f.problem("resources", "each resource needs exactly 'type' (an ASFF type) and 'field' (a dotted path)");
      } else {
        out.add(new ResourceRef(r.get("type").asText(), r.get("field").asText()));
      }
    }
    return out;
  }

  private static Map<String, List<String>> compliance(Fields f, JsonNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (!node.isObject()) {
      f.problem("compliance", "'compliance' must map cis_aws, iso27001, soc2, gdpr to lists");
      return out;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!COMPLIANCE_KEYS.contains(key)) {
        f.problem("compliance", "unknown compliance framework '" + key + "'; known: " + new TreeSet<>(COMPLIANCE_KEYS));
        continue;
      }
      out.put(key, f.strings(node.get(key), "compliance"));
    }
    return out;
  }

  private static String display(Path file, Path root) {
    Path parent = root.getParent();
    Path base = parent == null ? root : parent;
    return base.relativize(file).toString().replace('\\', '/');
  }

  /** Typed access to the document's fields, recording problems with their line. */
  private static final class Fields {
    final JsonNode doc;
    final String where;
    final Map<String, Integer> lines;
    final List<String> problems = new ArrayList<>();

    Fields(JsonNode doc, String where, Map<String, Integer> lines) {
      this.doc = doc;
      this.where = where;
      this.lines = lines;
    }

    void problem(String key, String message) {
      Integer line = lines.get(key);
      problems.add(where + (line == null ? "" : ":" + line) + ": " + message);
    }

    String text(String key, boolean required) {
      JsonNode node = doc.get(key);
      if (node == null || node.isNull()) {
        if (required) {
          problem(key, "missing required key '" + key + "'");
        }
        return null;
      }
      if (!node.isValueNode() || node.asText().isBlank()) {
        problem(key, "'" + key + "' must be a non-empty text");
        return null;
      }
      return node.asText();
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
      String value = text(key, true);
      if (value == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, value.trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
          names.add(constant.name().toLowerCase());
        }
        problem(key, "'" + value + "' is not a valid " + key + "; use one of " + names);
        return null;
      }
    }

    boolean bool(String key) {
      JsonNode node = doc.get(key);
      if (node == null) {
        return false;
      }
      if (!node.isBoolean()) {
        problem(key, "'" + key + "' must be true or false");
        return false;
      }
      return node.asBoolean();
    }

    List<String> list(String key) {
      JsonNode node = doc.get(key);
      if (node == null || node.isNull()) {
        return List.of();
      }
      return strings(node, key);
    }

    List<String> strings(JsonNode node, String key) {
      List<String> out = new ArrayList<>();
      if (!node.isArray()) {
        problem(key, "'" + key + "' must be a list");
        return out;
      }
      for (JsonNode element : node) {
        if (!element.isValueNode()) {
          problem(key, "'" + key + "' must be a list of texts");
        } else {
          out.add(element.asText());
        }
      }
      return out;
    }
  }

}
