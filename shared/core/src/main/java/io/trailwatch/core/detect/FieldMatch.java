package io.trailwatch.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.AwsEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one field of a pattern allows, read from its list of EventBridge matchers, judged on an event in
 * three ways: {@link #NO} (Event Ruler cannot match), {@link #YES} (Event Ruler matches this field, for
 * certain) or {@link #MAYBE} (Event Ruler must look). The list is an OR, as in EventBridge:
 *
 * <pre>
 *   userName: [{exists: false}, {anything-but: {prefix: AWSServiceRoleFor}}]
 *     field absent                      YES  (exists: false)
 *     "AWSServiceRoleForConfig"         NO   (neither item)
 *     "deployer"                        YES  (anything-but prefix)
 *     ["a", "b"] or {...} or null       MAYBE: arrays match by element, objects and null are Event Ruler's
 * </pre>
 *
 * Every answer errs towards MAYBE: a NO must be a verdict Event Ruler would give, a YES too. Values whose
 * type the matcher does not expect (a number against a string) are MAYBE.
 */
final class FieldMatch {
  static final int NO = 0;
  static final int MAYBE = 1;
  static final int YES = 2;

  /** From this many matchers other than plain strings, remembering verdicts by value costs less than matching. */
  private static final int MEMO_FROM = 4;

  /** Where a path starts: most start at {@code detail}, which a bare record is without an envelope. */
  private static final int TOP_DETAIL = 0;
  private static final int TOP_SOURCE = 1;
  private static final int TOP_OTHER = 2;

  private enum Kind {
    BOOLEAN,
    PREFIX,
    SUFFIX,
    CONTAINS,
    WILDCARD,
    EQUALS_IGNORE_CASE,
    EXISTS,
    ABSENT,
    NOT_IN,
    NOT_PREFIX
  }

  /**
   * One matcher of the list; plain strings are kept apart, in a set. {@code excluded} are anything-but's
   * strings: one or two in practice, compared rather than hashed (hashing a fresh string reads all of it).
   */
  private record Item(Kind kind, String operand, String[] excluded, Set<String> manyExcluded) {
    Item(Kind kind, String operand) {
      this(kind, operand, null, null);
    }

    boolean excludes(String text) {
      if (manyExcluded != null) {
        return manyExcluded.contains(text);
      }
      for (String x : excluded) {
        if (x.equals(text)) {
          return true;
        }
      }
      return false;
    }

    /** The verdict on a string value. */
    int onText(String text) {
      return switch (kind) {
        case PREFIX -> text.startsWith(operand) ? YES : NO;
        case SUFFIX -> text.endsWith(operand) ? YES : NO;
        case CONTAINS -> text.contains(operand) ? YES : NO;
        case WILDCARD -> glob(operand, text) ? YES : NO;
        // Java's case folding and Event Ruler's may differ on rare letters: a match is left to Event Ruler.
        case EQUALS_IGNORE_CASE -> text.equalsIgnoreCase(operand) ? MAYBE : NO;
        case EXISTS -> MAYBE;
        case ABSENT, BOOLEAN -> NO;
        case NOT_IN -> excludes(text) ? NO : YES;
        case NOT_PREFIX -> text.startsWith(operand) ? NO : YES;
      };
    }

    /** The verdict on a number or boolean. */
    int onOtherScalar(JsonNode value) {
      return switch (kind) {
        case ABSENT -> NO;
        case BOOLEAN -> value.isBoolean() ? (value.asText().equals(operand) ? YES : NO) : MAYBE;
        default -> MAYBE;
      };
    }
  }

  final String path;
  private final String[] steps;
  private final int top;
  private final Set<String> strings;
  /** The one plain string allowed, when there is exactly one: compared, not hashed. */
  private final String single;
  private final Item[] items;
  /** Remembered verdicts on strings, for a field with many matchers (a user agent against a dozen tools). */
  private final TextMemo memo;
  /** True when every matcher needs a value that matches (no absence, anything-but or exists): see {@link #throughArrays}. */
  private final boolean arraysJudged;

  private FieldMatch(String path, Set<String> strings, Item[] items) {
    this.path = path;
    // Interned as Jackson interns field names: a key found in an object's map is then the same instance.
    this.steps = java.util.Arrays.stream(path.split("\\.")).map(String::intern).toArray(String[]::new);
    this.top = switch (steps[0]) {
      case "detail" -> TOP_DETAIL;
      case "source" -> TOP_SOURCE;
      default -> TOP_OTHER;
    };
    this.strings = strings;
    this.single = strings.size() == 1 ? strings.iterator().next() : null;
    this.items = items;
    this.memo = items.length >= MEMO_FROM ? new TextMemo() : null;
    boolean judged = true;
    for (Item item : items) {
      // Matchers that a field's absence can satisfy, or that ask only for presence: left to Event Ruler in arrays.
      judged &= item.kind != Kind.ABSENT && item.kind != Kind.NOT_IN && item.kind != Kind.NOT_PREFIX
          && item.kind != Kind.EXISTS;
    }
    this.arraysJudged = judged;
  }

  /**
   * The field's matcher list understood, or null when one of its matchers is of a kind this class does
   * not judge (numeric, cidr, anything-but of numbers or suffixes...): Event Ruler alone decides it.
   */
  static FieldMatch of(String path, JsonNode list) {
    if (!list.isArray() || list.isEmpty()) {
      return null;
    }
    Set<String> strings = new HashSet<>();
    List<Item> items = new ArrayList<>();
    for (JsonNode v : list) {
      if (v.isTextual()) {
        strings.add(v.asText());
        continue;
      }
      Item item = item(v);
      if (item == null) {
        return null;
      }
      items.add(item);
    }
    return new FieldMatch(path, strings, items.toArray(new Item[0]));
  }

  private static Item item(JsonNode v) {
    if (v.isBoolean()) {
      return new Item(Kind.BOOLEAN, v.asText());
    }
    if (!v.isObject() || v.size() != 1) {
      return null;
    }
    String key = v.fieldNames().next();
    JsonNode operand = v.get(key);
    switch (key) {
      case "prefix", "suffix", "equals-ignore-case" -> {
        if (!operand.isTextual()) {
          return null;
        }
        Kind kind = key.equals("prefix") ? Kind.PREFIX : key.equals("suffix") ? Kind.SUFFIX : Kind.EQUALS_IGNORE_CASE;
        return new Item(kind, operand.asText());
      }
      case "wildcard" -> {
        if (!operand.isTextual() || operand.asText().contains("\\")) {
          return null; // escaped stars: left to Event Ruler
        }
        String glob = operand.asText();
        int last = glob.length() - 1;
        boolean contains = last >= 2 && glob.charAt(0) == '*' && glob.charAt(last) == '*' && glob.indexOf('*', 1) == last;
        return contains ? new Item(Kind.CONTAINS, glob.substring(1, last)) : new Item(Kind.WILDCARD, glob);
      }
      case "exists" -> {
        return operand.isBoolean() ? new Item(operand.asBoolean() ? Kind.EXISTS : Kind.ABSENT, "") : null;
      }
      case "anything-but" -> {
        return anythingBut(operand);
      }
      default -> {
        return null;
      }
    }
  }

  /** {@code anything-but} a string, a list of strings, or {@code {prefix: "x"}}. */
  private static Item anythingBut(JsonNode operand) {
    if (operand.isObject()) {
      JsonNode prefix = operand.get("prefix");
      return operand.size() == 1 && prefix != null && prefix.isTextual()
          ? new Item(Kind.NOT_PREFIX, prefix.asText()) : null;
    }
    Set<String> excluded = new java.util.LinkedHashSet<>();
    for (JsonNode x : operand.isArray() ? operand : List.of(operand)) {
      if (!x.isTextual()) {
        return null;
      }
      excluded.add(x.asText());
    }
    return excluded.isEmpty() ? null
        : new Item(Kind.NOT_IN, "", excluded.toArray(new String[0]), excluded.size() > 4 ? excluded : null);
  }

  /** The field allowing what either allows (the branches of an {@code $or}). */
  FieldMatch or(FieldMatch other) {
    Set<String> s = new HashSet<>(strings);
    s.addAll(other.strings);
    List<Item> i = new ArrayList<>(List.of(items));
    i.addAll(List.of(other.items));
    return new FieldMatch(path, s, i.toArray(new Item[0]));
  }

  /** True when every value allowed is a plain string ("CreateUser"). */
  boolean onlyStrings() {
    return items.length == 0;
  }

  /** The plain strings allowed. */
  Set<String> strings() {
    return strings;
  }

  /**
   * The prefixes allowed besides the plain strings, when every other matcher is a prefix or a wildcard
   * with one trailing star ({@code UpdateFunctionCode*}); null otherwise.
   */
  List<String> prefixes() {
    List<String> prefixes = new ArrayList<>();
    for (Item item : items) {
      if (item.kind == Kind.PREFIX) {
        prefixes.add(item.operand);
      } else if (item.kind == Kind.WILDCARD && item.operand.indexOf('*') == item.operand.length() - 1
          && item.operand.length() > 1) {
        prefixes.add(item.operand.substring(0, item.operand.length() - 1));
      } else {
        return null;
      }
    }
    return prefixes;
  }

  /** How early to check this field: fields that few events pass come first, those most pass last. */
  int rank() {
    if (path.equals("source") || path.equals("detail-type") || path.equals("detail.eventSource")) {
      return 3;
    }
    for (Item item : items) {
      if (item.kind == Kind.ABSENT || item.kind == Kind.NOT_IN || item.kind == Kind.NOT_PREFIX || item.kind == Kind.EXISTS) {
        return 2;
      }
    }
    return strings.isEmpty() ? 1 : 0;
  }

  /** The verdict on the event: {@link #NO}, {@link #MAYBE} or {@link #YES}. */
  int test(AwsEvent event) {
    JsonNode value = at(event);
    if (value == null) {
      for (Item item : items) {
        if (item.kind == Kind.ABSENT) {
          return YES;
        }
      }
      return NO;
    }
    if (value.isTextual()) {
      return onLeafText(value.asText());
    }
    if (value.isArray()) {
      return arraysJudged ? throughArrays(top(event), 1) : MAYBE;
    }
    if (value.isContainerNode() || value.isNull()) {
      return MAYBE;
    }
    return onOtherScalar(value);
  }

  private int onLeafText(String text) {
    if (single != null ? single.equals(text) : !strings.isEmpty() && strings.contains(text)) {
      return YES; // no lookup in an empty set: it would hash the whole text (a user agent) for nothing
    }
    if (memo == null) {
      return onText(text);
    }
    int known = memo.get(text);
    if (known < 0) {
      known = onText(text);
      memo.put(text, known);
    }
    return known;
  }

  private int onOtherScalar(JsonNode value) {
    int verdict = strings.isEmpty() ? NO : MAYBE;
    for (Item item : items) {
      verdict = Math.max(verdict, item.onOtherScalar(value));
    }
    return verdict;
  }

  /**
   * A field under arrays ({@code containerDefinitions[].command}): Event Ruler matches when any value
   * reached matches, so the answer is NO when none can, else MAYBE; a proof never goes through an array
   * (several fields of one pattern must then match in the same element, which this class does not follow).
   * A path that ends early (absent, or a string where an object was needed) reaches no value.
   */
  private int throughArrays(JsonNode node, int step) {
    if (node == null) {
      return NO;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (throughArrays(element, step) != NO) {
          return MAYBE;
        }
      }
      return NO;
    }
    if (step < steps.length) {
      return node.isObject() ? throughArrays(node.get(steps[step]), step + 1) : NO;
    }
    int verdict;
    if (node.isTextual()) {
      verdict = onLeafText(node.asText());
    } else if (node.isContainerNode() || node.isNull()) {
      verdict = MAYBE;
    } else {
      verdict = onOtherScalar(node);
    }
    return verdict == NO ? NO : MAYBE;
  }

  private int onText(String text) {
    int verdict = NO;
    for (Item item : items) {
      verdict = Math.max(verdict, item.onText(text));
      if (verdict == YES) {
        break;
      }
    }
    return verdict;
  }

  private JsonNode top(AwsEvent event) {
    return switch (top) {
      case TOP_DETAIL -> event.field("detail");
      case TOP_SOURCE -> event.field("source");
      default -> event.field(steps[0]);
    };
  }

  /** The value at the path, the first array met on the way, or null. */
  private JsonNode at(AwsEvent event) {
    JsonNode value = top(event);
    for (int i = 1; value != null && i < steps.length; i++) {
      if (value.isArray()) {
        return value;
      }
      value = value.get(steps[i]);
    }
    return value;
  }

  /** EventBridge's wildcard: {@code *} matches any run of characters (patterns with escapes are not read). */
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
}
