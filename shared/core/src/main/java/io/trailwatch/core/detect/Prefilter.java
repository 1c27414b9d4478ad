package io.trailwatch.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A necessary condition for any rule to match, checked with a few hash lookups before Event Ruler runs.
 * Most of a real account's traffic is reads and service calls that no rule looks at, and Event Ruler
 * costs about as much per event as parsing it; skipping it for events no pattern can match is what keeps
 * the whole catalog close to the cost of parsing (BENCHMARKS.md).
 *
 * <p>From every pattern it takes the fields the pattern requires to equal (or start with) one of a list
 * of strings: at the top level, or in every branch of an {@code $or}. A pattern can only match an event
 * that satisfies all of them, so an event that satisfies no pattern's fields cannot match any rule.
 * Patterns are indexed by {@code detail.eventName} when they name it, so an event is checked against the
 * two or three patterns that could concern it. A pattern with no such field disables the prefilter, and a
 * field that is an array or object in the event always passes: it never drops a match, it only saves work.
 */
final class Prefilter {
  private static final String EVENT_NAME = "detail.eventName";

  private final Map<String, List<Check>> byEventName = new HashMap<>();
  private final List<Check> others = new ArrayList<>();
  private boolean passAll;

  /** Fields one pattern requires, as dotted paths with their allowed values and prefixes. */
  private record Check(String[][] paths, List<List<String>> exact, List<List<String>> others) {
    boolean test(JsonNode envelope) {
      for (int i = 0; i < paths.length; i++) {
        JsonNode value = at(envelope, paths[i]);
        if (value == null) {
          return false;
        }
        if (value.isContainerNode()) {
          continue;
        }
        if (!value.isTextual() || !allows(value.asText(), exact.get(i), others.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  void addPattern(JsonNode pattern) {
    Map<String, List<String>> required = new HashMap<>();
    collect(pattern, "", required);
    if (required.isEmpty()) {
      passAll = true;
      return;
    }
    List<String> names = required.get(EVENT_NAME);
    boolean indexable = names != null && names.stream().allMatch(v -> v.startsWith("="));
    if (indexable) {
      required.remove(EVENT_NAME);
      Check rest = check(required);
      for (String name : names) {
        byEventName.computeIfAbsent(name.substring(1), k -> new ArrayList<>()).add(rest);
      }
    } else {
      others.add(check(required));
    }
  }

  boolean mayMatch(JsonNode envelope) {
    if (passAll) {
      return true;
    }
    JsonNode detail = envelope.get("detail");
    JsonNode name = detail == null ? null : detail.get("eventName");
    if (name != null && name.isTextual()) {
      List<Check> checks = byEventName.get(name.asText());
      if (checks != null) {
        for (Check check : checks) {
          if (check.test(envelope)) {
            return true;
          }
        }
      }
    } else if (name != null && name.isContainerNode() && !byEventName.isEmpty()) {
      return true;
    }
    for (Check check : others) {
      if (check.test(envelope)) {
        return true;
      }
    }
    return false;
  }

  private static Check check(Map<String, List<String>> required) {
    String[][] paths = new String[required.size()][];
    List<List<String>> exact = new ArrayList<>();
    List<List<String>> others = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, List<String>> field : required.entrySet()) {
      paths[i++] = field.getKey().split("\\.");
      List<String> e = new ArrayList<>();
      List<String> o = new ArrayList<>();
      for (String v : field.getValue()) {
        if (v.startsWith("=")) {
          e.add(v.substring(1));
        } else {
          o.add(v);
        }
      }
      exact.add(e);
      others.add(o);
    }
    return new Check(paths, exact, others);
  }

  /** True when the text equals one value or passes one of the other matchers ({@code kind:operand}). */
  private static boolean allows(String text, List<String> exact, List<String> others) {
    if (exact.contains(text)) {
      return true;
    }
    for (String matcher : others) {
      int colon = matcher.indexOf(':');
      String operand = matcher.substring(colon + 1);
      boolean ok = switch (matcher.substring(0, colon)) {
        case "prefix" -> text.startsWith(operand);
        case "suffix" -> text.endsWith(operand);
        case "ci" -> text.equalsIgnoreCase(operand);
        case "wild" -> glob(operand, text);
        default -> true; // unknown kinds never drop an event
      };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** EventBridge's wildcard: {@code *} matches any run of characters (patterns with escapes are not collected). */
  static boolean glob(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static JsonNode at(JsonNode node, String[] path) {
    JsonNode value = node;
    for (String step : path) {
      if (value.isArray()) {
        return value;
      }
      value = value.get(step);
      if (value == null) {
        return null;
      }
    }
    return value;
  }

  /**
   * Fields the pattern requires to equal (or start with) one of a list of strings. Inside {@code $or}, a
   * field every branch constrains that way is required too, with the union of the branches' values.
   */
  private static void collect(JsonNode pattern, String prefix, Map<String, List<String>> required) {
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = prefix + field.getKey();
      JsonNode value = field.getValue();
      if (field.getKey().equals("$or") && value.isArray()) {
        Map<String, List<String>> common = null;
        for (JsonNode branch : value) {
          Map<String, List<String>> mine = new HashMap<>();
          collect(branch, prefix, mine);
          if (common == null) {
            common = mine;
          } else {
            common.keySet().retainAll(mine.keySet());
            for (Map.Entry<String, List<String>> e : common.entrySet()) {
              e.getValue().addAll(mine.get(e.getKey()));
            }
          }
        }
        if (common != null) {
          common.forEach(required::putIfAbsent);
        }
      } else if (value.isObject()) {
        collect(value, path + ".", required);
      } else if (value.isArray() && !value.isEmpty()) {
        List<String> values = textOrPrefix(value);
        if (values != null) {
          required.put(path, values);
        }
      }
    }
  }

  /**
   * The values as {@code "=value"}, {@code "prefix:value"}, {@code "suffix:value"}, {@code "ci:value"}
   * (equals-ignore-case) or {@code "wild:pattern"}; null if any is another kind of match (anything-but,
   * exists, numeric, cidr...), which makes the field not required here: Event Ruler decides it.
   */
  private static List<String> textOrPrefix(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode v : array) {
      if (v.isTextual()) {
        values.add("=" + v.asText());
      } else if (v.isObject() && v.size() == 1 && v.path("prefix").isTextual()) {
        values.add("prefix:" + v.get("prefix").asText());
      } else if (v.isObject() && v.size() == 1 && v.path("suffix").isTextual()) {
        values.add("suffix:" + v.get("suffix").asText());
      } else if (v.isObject() && v.size() == 1 && v.path("equals-ignore-case").isTextual()) {
        values.add("ci:" + v.get("equals-ignore-case").asText());
      } else if (v.isObject() && v.size() == 1 && v.path("wildcard").isTextual()
          && !v.get("wildcard").asText().contains("\\")) {
        values.add("wild:" + v.get("wildcard").asText());
      } else {
        return null;
      }
    }
    return values;
  }
}
