package io.trailwatch.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
  private static final String CALLER_TYPE = "detail.userIdentity.type";

  private final Map<String, List<Check>> byEventName = new HashMap<>();
  /**
   * Patterns whose event names are prefixes (Lambda's versioned names), by the prefix's first letter:
   * an event is compared with the few prefixes that start as its name does.
   */
  private final Map<Character, List<Map.Entry<String, Check>>> byEventNamePrefix = new HashMap<>();
  /** Patterns without event names, indexed by the {@code source} they require (aws.config, aws.signin). */
  private final Map<String, List<Check>> othersBySource = new HashMap<>();
  /** Patterns that require neither an event name nor a source, by the caller type they require (Root). */
  private final Map<String, List<Check>> othersByCallerType = new HashMap<>();
  /** Patterns that require none of those (user agents). */
  private final List<Check> others = new ArrayList<>();
  /** Owners of patterns that require nothing this index understands: always candidates. */
  private final List<String> always = new ArrayList<>();

  /** Fields one pattern requires, as dotted paths with their allowed values and other matchers. */
  /** A matcher other than equality, parsed once: {@code prefix}, {@code suffix}, {@code contains}, ... */
  private record Matcher(String kind, String operand) {
    boolean test(String text) {
      return switch (kind) {
        case "prefix" -> text.startsWith(operand);
        case "suffix" -> text.endsWith(operand);
        case "contains" -> text.contains(operand);
        case "ci" -> text.equalsIgnoreCase(operand);
        case "exists" -> true; // present, whatever its value
        case "wild" -> glob(operand, text);
        default -> true; // unknown kinds never drop an event
      };
    }
  }

  /**
   * @param proves true when the pattern is nothing but these fields and values (no {@code $or}, no
   *     anything-but, exists, numeric, cidr or case-folding matcher): then passing the check on text values
   *     is the same verdict Event Ruler would give, and the detector need not ask it
   */
  private record Check(String owner, String[][] paths, List<Set<String>> exact, List<List<Matcher>> others,
      boolean proves, Set<String>[] notIn, boolean[] absent) {
    /** 0: cannot match; 1: may match; 2: matches (proven). */
    int test(JsonNode envelope) {
      boolean proven = proves;
      for (int i = 0; i < paths.length; i++) {
        JsonNode value = at(envelope, paths[i]);
        if (absent[i]) {
          // exists: false. A string or number present: no match; an object, array or null: Event Ruler decides.
          if (value == null) {
            continue;
          }
          if (value.isValueNode() && !value.isNull()) {
            return 0;
          }
          proven = false;
          continue;
        }
        if (value == null) {
          return 0;
        }
        if (notIn[i] != null) {
          // anything-but strings: the field must be there and be none of them.
          if (value.isTextual()) {
            if (notIn[i].contains(value.asText())) {
              return 0;
            }
          } else {
            proven = false;
          }
          continue;
        }
        if (value.isContainerNode()) {
          proven = false;
          continue;
        }
        if (!value.isValueNode() || !allows(value.asText(), exact.get(i), others.get(i))) {
          return 0;
        }
        if (!value.isTextual()) {
          proven = false;
        }
      }
      return proven ? 2 : 1;
    }
  }

  void addPattern(JsonNode pattern) {
    addPattern("", pattern);
  }

  /** Indexes one pattern of the rule {@code owner}. */
  void addPattern(String owner, JsonNode pattern) {
    Map<String, List<String>> required = new HashMap<>();
    collect(pattern, "", required);
    boolean proves = provable(pattern);
    if (required.isEmpty()) {
      always.add(owner);
      return;
    }
    List<String> names = required.get(EVENT_NAME);
    if (names != null && names.stream().allMatch(v -> v.startsWith("=") || v.startsWith("prefix:") || simplePrefix(v) != null)) {
      required.remove(EVENT_NAME);
      Check rest = check(owner, required, proves);
      for (String name : names) {
        if (name.startsWith("=")) {
          byEventName.computeIfAbsent(name.substring(1), k -> new ArrayList<>()).add(rest);
        } else {
          String prefix = name.startsWith("prefix:") ? name.substring("prefix:".length()) : simplePrefix(name);
          byEventNamePrefix.computeIfAbsent(prefix.isEmpty() ? '\0' : prefix.charAt(0), k -> new ArrayList<>())
              .add(Map.entry(prefix, rest));
        }
      }
    } else if (required.containsKey("source") && required.get("source").stream().allMatch(v -> v.startsWith("="))) {
      List<String> sources = required.remove("source");
      Check rest = check(owner, required, proves);
      for (String source : sources) {
        othersBySource.computeIfAbsent(source.substring(1), k -> new ArrayList<>()).add(rest);
      }
    } else if (required.containsKey(CALLER_TYPE) && required.get(CALLER_TYPE).stream().allMatch(v -> v.startsWith("="))) {
      List<String> types = required.remove(CALLER_TYPE);
      Check rest = check(owner, required, proves);
      for (String type : types) {
        othersByCallerType.computeIfAbsent(type.substring(1), k -> new ArrayList<>()).add(rest);
      }
    } else {
      others.add(check(owner, required, proves));
    }
  }

  /** The literal start of a {@code wild:} matcher ending in its only {@code *} ("PutBucketLifecycle*"), or null. */
  private static String simplePrefix(String matcher) {
    if (!matcher.startsWith("wild:")) {
      return null;
    }
    String glob = matcher.substring("wild:".length());
    int star = glob.indexOf('*');
    return star > 0 && star == glob.length() - 1 ? glob.substring(0, star) : null;
  }

  private static void add(Check check, int verdict, Collection<String> out, Collection<String> proven) {
    if (verdict > 0) {
      out.add(check.owner());
      if (verdict == 2 && proven != null) {
        proven.add(check.owner());
      }
    }
  }

  /**
   * True when every constraint of the pattern is one this index checks exactly: objects of fields whose
   * values are lists of strings, {@code prefix}, {@code suffix} or escape-free {@code wildcard}.
   */
  static boolean provable(JsonNode pattern) {
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (field.getKey().startsWith("$")) {
        return false;
      }
      if (value.isObject()) {
        if (!provable(value)) {
          return false;
        }
      } else if (value.isArray() && !value.isEmpty() && absentOrNotIn(value) != null) {
        continue;
      } else if (value.isArray() && !value.isEmpty()) {
        for (JsonNode v : value) {
          boolean ok = v.isTextual()
              || v.isObject() && v.size() == 1 && (v.path("prefix").isTextual() || v.path("suffix").isTextual()
                  || v.path("wildcard").isTextual() && !v.get("wildcard").asText().contains("\\"));
          if (!ok) {
            return false;
          }
        }
      } else {
        return false;
      }
    }
    return true;
  }

  boolean mayMatch(JsonNode envelope) {
    List<String> out = new ArrayList<>();
    candidates(envelope, out);
    return !out.isEmpty();
  }

  /**
   * Adds the owners of every pattern the event may match (possibly twice): a necessary condition, so a
   * rule that is not added here cannot match the event.
   */
  void candidates(JsonNode envelope, Collection<String> out) {
    candidates(envelope, out, null);
  }

  /**
   * As {@link #candidates(JsonNode, Collection)}, also adding to {@code proven} (when given) the owners
   * whose pattern the check alone proves the event matches.
   */
  void candidates(JsonNode envelope, Collection<String> out, Collection<String> proven) {
    out.addAll(always);
    JsonNode detail = envelope.get("detail");
    JsonNode name = detail == null ? null : detail.get("eventName");
    if (name != null && name.isTextual()) {
      String text = name.asText();
      List<Check> checks = byEventName.get(text);
      if (checks != null) {
        for (Check check : checks) {
          add(check, check.test(envelope), out, proven);
        }
      }
      List<Map.Entry<String, Check>> prefixed = text.isEmpty() ? null : byEventNamePrefix.get(text.charAt(0));
      if (prefixed != null) {
        for (Map.Entry<String, Check> p : prefixed) {
          if (text.startsWith(p.getKey())) {
            add(p.getValue(), p.getValue().test(envelope), out, proven);
          }
        }
      }
      List<Map.Entry<String, Check>> emptyPrefix = byEventNamePrefix.get('\0');
      if (emptyPrefix != null) {
        emptyPrefix.forEach(p -> add(p.getValue(), p.getValue().test(envelope), out, proven));
      }
    } else if (name != null && name.isContainerNode()) {
      byEventName.values().forEach(list -> list.forEach(c -> out.add(c.owner())));
      byEventNamePrefix.values().forEach(list -> list.forEach(p -> out.add(p.getValue().owner())));
    }
    JsonNode source = envelope.get("source");
    if (source != null && source.isTextual()) {
      List<Check> bySource = othersBySource.get(source.asText());
      if (bySource != null) {
        for (Check check : bySource) {
          add(check, check.test(envelope), out, proven);
        }
      }
    }
    if (!othersByCallerType.isEmpty()) {
      JsonNode identity = detail == null ? null : detail.get("userIdentity");
      JsonNode type = identity == null ? null : identity.get("type");
      if (type != null && type.isTextual()) {
        List<Check> byType = othersByCallerType.get(type.asText());
        if (byType != null) {
          for (Check check : byType) {
            add(check, check.test(envelope), out, proven);
          }
        }
      } else if (type != null && type.isContainerNode()) {
        othersByCallerType.values().forEach(list -> list.forEach(c -> out.add(c.owner())));
      }
    }
    for (Check check : others) {
      add(check, check.test(envelope), out, proven);
    }
  }

  private static Check check(String owner, Map<String, List<String>> required, boolean proves) {
    String[][] paths = new String[required.size()][];
    List<Set<String>> exact = new ArrayList<>();
    List<List<Matcher>> others = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Set<String>[] notIn = new Set[required.size()];
    boolean[] absent = new boolean[required.size()];
    int i = 0;
    for (Map.Entry<String, List<String>> field : required.entrySet()) {
      List<String> values = field.getValue();
      if (values.size() == 1 && values.get(0).equals("absent:")) {
        absent[i] = true;
      } else if (values.size() == 1 && values.get(0).startsWith("notin:")) {
        notIn[i] = new HashSet<>(List.of(values.get(0).substring("notin:".length()).split("\0", -1)));
      }
      paths[i++] = field.getKey().split("\\.");
      Set<String> e = new HashSet<>();
      List<Matcher> o = new ArrayList<>();
      for (String v : field.getValue()) {
        if (v.startsWith("=")) {
          e.add(v.substring(1));
        } else if (v.startsWith("absent:") || v.startsWith("notin:")) {
          continue; // kept in absent / notIn
        } else {
          int colon = v.indexOf(':');
          o.add(new Matcher(v.substring(0, colon), v.substring(colon + 1)));
        }
      }
      exact.add(e);
      others.add(o);
    }
    return new Check(owner, paths, exact, others, proves, notIn, absent);
  }

  /** True when the text equals one value or passes one of the other matchers. */
  private static boolean allows(String text, Set<String> exact, List<Matcher> others) {
    if (exact.contains(text)) {
      return true;
    }
    for (Matcher matcher : others) {
      if (matcher.test(text)) {
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
        if (values == null) {
          values = absentOrNotIn(value);
        }
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
  /**
   * {@code [{exists: false}]} as {@code "absent:"}, and {@code [{anything-but: "x"}]} or
   * {@code [{anything-but: ["x", "y"]}]} as {@code "notin:x\0y"}; null for anything else.
   */
  static List<String> absentOrNotIn(JsonNode array) {
    if (array.size() != 1 || !array.get(0).isObject() || array.get(0).size() != 1) {
      return null;
    }
    JsonNode v = array.get(0);
    if (v.path("exists").isBoolean() && !v.get("exists").asBoolean()) {
      return List.of("absent:");
    }
    JsonNode but = v.get("anything-but");
    if (but == null) {
      return null;
    }
    List<String> excluded = new ArrayList<>();
    for (JsonNode x : but.isArray() ? but : List.of(but)) {
      if (!x.isTextual()) {
        return null;
      }
      excluded.add(x.asText());
    }
    return excluded.isEmpty() ? null : List.of("notin:" + String.join("\0", excluded));
  }

  private static List<String> textOrPrefix(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode v : array) {
      if (v.isTextual() || v.isBoolean()) {
        // A boolean in a pattern matches the JSON boolean; its text is a necessary condition.
        values.add("=" + v.asText());
      } else if (v.isObject() && v.size() == 1 && v.path("exists").isBoolean() && v.get("exists").asBoolean()) {
        values.add("exists:");
      } else if (v.isObject() && v.size() == 1 && v.path("prefix").isTextual()) {
        values.add("prefix:" + v.get("prefix").asText());
      } else if (v.isObject() && v.size() == 1 && v.path("suffix").isTextual()) {
        values.add("suffix:" + v.get("suffix").asText());
      } else if (v.isObject() && v.size() == 1 && v.path("equals-ignore-case").isTextual()) {
        values.add("ci:" + v.get("equals-ignore-case").asText());
      } else if (v.isObject() && v.size() == 1 && v.path("wildcard").isTextual()
          && !v.get("wildcard").asText().contains("\\")) {
        String glob = v.get("wildcard").asText();
        int last = glob.length() - 1;
        boolean contains = last >= 2 && glob.charAt(0) == '*' && glob.charAt(last) == '*' && glob.indexOf('*', 1) == last;
        values.add(contains ? "contains:" + glob.substring(1, last) : "wild:" + glob);
      } else {
        return null;
      }
    }
    return values;
  }
}
