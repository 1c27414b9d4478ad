package io.trailwatch.core.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered vocabulary of Java conditions. Rules never need registering (the loader finds their
 * folders); a new condition type is a class, its test and one line here, which is rare by design.
 */
public final class ConditionVocabulary {
  private final Map<String, ConditionType> types = new LinkedHashMap<>();

  public ConditionVocabulary(List<ConditionType> types) {
    for (ConditionType type : types) {
      this.types.put(type.name(), type);
    }
  }

  public static ConditionVocabulary standard() {
    return new ConditionVocabulary(
        List.of(
            new PolicyAllowsPublic(),
            new PolicyGrantsAdmin(),
            new ActorNotInAllowlist(),
            new TargetIsAnotherUser(),
            new SecurityGroupOpenToWorld(),
            new ConfigBecameNonCompliant(),
            new OutsideChangeWindow(),
            new SourceIpNotInAllowlist(),
            new GrantsForeignAccount()));
  }

  public List<ConditionType> types() {
    return List.copyOf(types.values());
  }

  /**
   * Builds a condition from its YAML form ({@code {type: name, param: value...}}).
   *
   * @throws IllegalArgumentException naming the unknown type, the missing or unknown parameter, or the
   *     parameter of the wrong kind
   */
  public Condition build(JsonNode spec) {
    if (!spec.isObject() || !spec.hasNonNull("type") || !spec.get("type").isTextual()) {
      throw new IllegalArgumentException("a condition needs a 'type' naming one of " + types.keySet());
    }
    String name = spec.get("type").asText();
    ConditionType type = types.get(name);
    if (type == null) {
      throw new IllegalArgumentException(
          "unknown condition type '" + name + "'; known types: " + types.keySet());
    }
    List<String> known = new ArrayList<>();
    for (Param param : type.params()) {
      known.add(param.name());
      JsonNode value = spec.get(param.name());
      if (value == null || value.isNull()) {
        if (param.required()) {
          throw new IllegalArgumentException(
              "condition '" + name + "' needs parameter '" + param.name() + "' (" + param.description() + ")");
        }
        continue;
      }
      checkKind(name, param, value);
    }
    for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals("type") && !known.contains(field)) {
        throw new IllegalArgumentException(
            "condition '" + name + "' has no parameter '" + field + "'; its parameters: " + known);
      }
    }
    return type.create(spec);
  }

  private static void checkKind(String type, Param param, JsonNode value) {
    boolean ok =
        switch (param.kind()) {
          case STRING -> value.isTextual();
          case BOOLEAN -> value.isBoolean();
          case STRING_LIST -> value.isArray() && allMatch(value, JsonNode::isTextual);
          case INT_LIST -> value.isArray() && allMatch(value, JsonNode::canConvertToInt);
        };
    if (!ok) {
      throw new IllegalArgumentException(
          "condition '"
              + type
              + "' parameter '"
              + param.name()
              + "' should be "
              + param.kind().name().toLowerCase().replace('_', ' '));
    }
  }

  private static boolean allMatch(JsonNode array, java.util.function.Predicate<JsonNode> test) {
    for (JsonNode element : array) {
      if (!test.test(element)) {
        return false;
      }
    }
    return true;
  }
}
