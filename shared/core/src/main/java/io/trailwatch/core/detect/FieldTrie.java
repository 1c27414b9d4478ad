package io.trailwatch.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The fields any rule's pattern looks at, as a tree of names, and a way to copy just those fields out of
 * an event. Event Ruler flattens every field of the event it is given; a CloudTrail record has a hundred
 * fields and the catalog reads about thirty, so handing it only those makes matching cost a fraction of
 * parsing (BENCHMARKS.md) without changing any result: a pattern can only match on fields it names.
 * Arrays are kept as arrays, so Event Ruler's array-consistency rules still apply.
 */
final class FieldTrie {
  private final Map<String, FieldTrie> children = new HashMap<>();
  private boolean leaf;

  /** Adds every field path an EventBridge pattern names, including those inside {@code $or}. */
  void addPattern(JsonNode pattern) {
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (field.getKey().equals("$or") && value.isArray()) {
        for (JsonNode branch : value) {
          addPattern(branch);
        }
      } else if (value.isObject()) {
        children.computeIfAbsent(field.getKey(), k -> new FieldTrie()).addPattern(value);
      } else {
        children.computeIfAbsent(field.getKey(), k -> new FieldTrie()).leaf = true;
      }
    }
  }

  /** A new tree with only the fields of this trie; values are shared with the source, not copied. */
  ObjectNode prune(ObjectNode source) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    copyInto(source, out);
    return out;
  }

  private void copyInto(ObjectNode source, ObjectNode out) {
    for (Map.Entry<String, FieldTrie> child : children.entrySet()) {
      JsonNode value = source.get(child.getKey());
      if (value == null) {
        continue;
      }
      JsonNode kept = child.getValue().keep(value);
      if (kept != null) {
        out.set(child.getKey(), kept);
      }
    }
  }

  private JsonNode keep(JsonNode value) {
    if (leaf || value.isValueNode()) {
      // A leaf keeps the whole value; an object or array where a pattern expects a value still needs its
      // nested fields only when the trie goes deeper, which the branches below handle.
      if (children.isEmpty() || value.isValueNode()) {
        return value;
      }
    }
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      copyInto((ObjectNode) value, out);
      return out.isEmpty() && !leaf ? null : out;
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(value.size());
      for (JsonNode element : value) {
        JsonNode kept = keep(element);
        out.add(kept == null ? JsonNodeFactory.instance.objectNode() : kept);
      }
      return out;
    }
    return value;
  }
}
