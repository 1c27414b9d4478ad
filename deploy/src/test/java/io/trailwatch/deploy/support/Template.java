package io.trailwatch.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed template and the folder its relative paths (CodeUri) start from. */
public final class Template {
  /** The project's template, as the tests in this module see it (they run in deploy/). */
  public static final Path PROJECT_TEMPLATE = Path.of("../template.yaml");

  private static Template project;

  private final Map<String, Object> root;
  private final Path dir;

  private Template(Map<String, Object> root, Path dir) {
    this.root = root;
    this.dir = dir;
  }

  /** The project's template.yaml, parsed once per test run. */
  public static synchronized Template project() {
    if (project == null) {
      project = load(PROJECT_TEMPLATE);
    }
    return project;
  }

  public static Template load(Path file) {
    try {
      return new Template(CfnYaml.parse(Files.readString(file)), file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A template from text (tests of the checks themselves); relative paths start from dir. */
  public static Template of(String yaml, Path dir) {
    return new Template(CfnYaml.parse(yaml), dir);
  }

  public Path dir() {
    return dir;
  }

  public Map<String, Object> root() {
    return root;
  }

  public Map<String, Object> section(String name) {
    return map(root.get(name));
  }

  public Map<String, Object> resources() {
    return section("Resources");
  }

  public Map<String, Object> parameters() {
    return section("Parameters");
  }

  public Map<String, Object> conditions() {
    return section("Conditions");
  }

  public Map<String, Object> resource(String id) {
    return map(resources().get(id));
  }

  public String type(String id) {
    return String.valueOf(resource(id).get("Type"));
  }

  /** Logical ids of the resources of a type, in template order. */
  public List<String> idsOfType(String type) {
    return resources().keySet().stream().filter(id -> type.equals(type(id))).toList();
  }

  /** A resource's Properties as written (for a SAM function, without Globals: see {@link #function}). */
  public Map<String, Object> properties(String id) {
    return map(resource(id).get("Properties"));
  }

  /** A function's properties as SAM sees them: Globals.Function merged in (SAM's own merge rules). */
  public Map<String, Object> function(String id) {
    return SamGlobals.merge(map(section("Globals").get("Function")), properties(id));
  }

  public List<String> functions() {
    return idsOfType("AWS::Serverless::Function");
  }

  /** value as a map; an absent value (or a non-map) is an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  /** Follows dotted keys through maps: path(props, "LoggingConfig", "LogGroup"). */
  public static Object path(Object value, String... keys) {
    Object current = value;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }
}
