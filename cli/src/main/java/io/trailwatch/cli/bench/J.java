package io.trailwatch.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * Terse JSON literals for the traffic templates: {@code J.o("bucketName", b, "Host", h)}.
 *
 * <p>Why: CloudTrail request and response bodies are nested literals; writing them as key/value lists keeps
 * each template readable next to the AWS documentation it imitates. Insertion order is kept, so records come
 * out with their fields in the order CloudTrail writes them.
 */
final class J {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  private J() {}

  /** An object from alternating keys and values; a null value is written as JSON null. */
  static ObjectNode o(Object... keysAndValues) {
    ObjectNode node = F.objectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      node.set((String) keysAndValues[i], v(keysAndValues[i + 1]));
    }
    return node;
  }

  static ArrayNode a(Object... items) {
    ArrayNode node = F.arrayNode();
    for (Object item : items) {
      node.add(v(item));
    }
    return node;
  }

  static ArrayNode all(Collection<?> items) {
    ArrayNode node = F.arrayNode();
    for (Object item : items) {
      node.add(v(item));
    }
    return node;
  }

  /** EC2's list shape: {@code {"items": [...]}}. */
  static ObjectNode items(Object... items) {
    return o("items", a(items));
  }

  static JsonNode v(Object value) {
    if (value == null) {
      return F.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof String s) {
      return F.textNode(s);
    }
    if (value instanceof Integer i) {
      return F.numberNode(i);
    }
    if (value instanceof Long l) {
      return F.numberNode(l);
    }
    if (value instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (value instanceof Double d) {
      return F.numberNode(d);
    }
    throw new IllegalArgumentException("no JSON form for " + value.getClass());
  }
}
