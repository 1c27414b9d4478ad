package io.trailwatch.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.event.AwsEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A necessary condition for a rule to match, checked with a few hash lookups before Event Ruler runs.
 * Most of a real account's traffic is reads and service calls that no rule looks at, and Event Ruler
 * costs about as much per event as parsing it; skipping it for events no pattern can match is what keeps
 * the whole catalog close to the cost of parsing (BENCHMARKS.md).
 *
 * <p>From every pattern it reads the fields whose matchers it understands ({@link FieldMatch}): at the
 * top level, or, for a field every branch of an {@code $or} names, the OR of the branches. A pattern can
 * only match an event every one of those fields allows. Patterns are indexed by {@code detail.eventName}
 * (names and prefixes), else by {@code source}, else by caller type, so an event meets the two or three
 * patterns that could concern it. When a pattern is nothing but fields understood, and each says YES, the
 * match is proven and Event Ruler need not be asked ({@code ProvenMatchesAgreeTest} holds both to the same
 * verdicts on every event of the repository).
 *
 * <pre>
 *   {"detail": {"eventName": ["CreateUser"], "userIdentity": {"type": ["IAMUser"]}}}
 *     indexed under CreateUser; checks detail.userIdentity.type; provable
 *   {"detail": {"userAgent": [{"wildcard": "*kali*"}]}}
 *     no name, source or caller type: checked on every event (its verdicts remembered by user agent)
 * </pre>
 */
final class Prefilter<T> {
  private static final String EVENT_NAME = "detail.eventName";
  private static final String CALLER_TYPE = "detail.userIdentity.type";
  /** Distinct event names remembered with their checks; AWS has a few thousand, the bound guards misuse. */
  private static final int MAX_NAMES = 20_000;

  /**
   * The fields one pattern of {@code owner} requires; {@code proves} when they are the whole pattern.
   * {@code anyOf} are the pattern's {@code $or}s, each a list of branches (the fields each branch requires):
   * an event no branch of one of them can match cannot match the pattern.
   */
  private record Check<T>(T owner, FieldMatch[] fields, FieldMatch[][][] anyOf, boolean proves) {
    /** 0: cannot match; 1: may match; 2: matches (proven). */
    int test(AwsEvent event) {
      int verdict = FieldMatch.YES;
      for (FieldMatch field : fields) {
        int v = field.test(event);
        if (v == FieldMatch.NO) {
          return 0;
        }
        verdict = Math.min(verdict, v);
      }
      for (FieldMatch[][] branches : anyOf) {
        if (!anyBranchMayMatch(branches, event)) {
          return 0;
        }
        verdict = FieldMatch.MAYBE;
      }
      return verdict == FieldMatch.YES && proves ? 2 : 1;
    }

    private static boolean anyBranchMayMatch(FieldMatch[][] branches, AwsEvent event) {
      for (FieldMatch[] branch : branches) {
        boolean may = true;
        for (FieldMatch field : branch) {
          if (field.test(event) == FieldMatch.NO) {
            may = false;
            break;
          }
        }
        if (may) {
          return true;
        }
      }
      return false;
    }
  }

  private final Map<String, List<Check<T>>> byEventName = new HashMap<>();
  /**
   * Patterns whose event names are prefixes (Lambda's versioned names), by the prefix's first letter:
   * an event is compared with the few prefixes that start as its name does.
   */
  private final Map<Character, List<Map.Entry<String, Check<T>>>> byEventNamePrefix = new HashMap<>();
  /**
   * Every check an event name leads to (exact and prefix), gathered on the name's first sighting: a log
   * repeats a few hundred names, so each event pays one lookup instead of walking the prefixes.
   */
  private final Map<String, Check<T>[]> forName = new ConcurrentHashMap<>();
  /** Patterns without event names, indexed by the {@code source} they require (aws.config, aws.signin). */
  private final Map<String, List<Check<T>>> othersBySource = new HashMap<>();
  /** Patterns that require neither an event name nor a source, by the caller type they require (Root). */
  private final Map<String, List<Check<T>>> othersByCallerType = new HashMap<>();
  /** Patterns that require none of those (user agents). */
  private final List<Check<T>> others = new ArrayList<>();
  /** Owners of patterns that require nothing this index understands: always candidates. */
  private final List<T> always = new ArrayList<>();

  /** Indexes one pattern of the rule {@code owner}. */
  void addPattern(T owner, JsonNode pattern) {
    forName.clear();
    Map<String, FieldMatch> required = new LinkedHashMap<>();
    List<FieldMatch[][]> anyOf = new ArrayList<>();
    boolean proves = collect(pattern, "", required, anyOf);
    if (required.isEmpty() && anyOf.isEmpty()) {
      always.add(owner);
      return;
    }
    FieldMatch names = required.get(EVENT_NAME);
    List<String> prefixes = names == null ? null : names.prefixes();
    if (prefixes != null) {
      required.remove(EVENT_NAME);
      Check<T> rest = check(owner, required, anyOf, proves);
      for (String name : names.strings()) {
        byEventName.computeIfAbsent(name, k -> new ArrayList<>()).add(rest);
      }
      for (String prefix : prefixes) {
        byEventNamePrefix.computeIfAbsent(prefix.isEmpty() ? '\0' : prefix.charAt(0), k -> new ArrayList<>())
            .add(Map.entry(prefix, rest));
      }
    } else if (required.containsKey("source") && required.get("source").onlyStrings()) {
      Set<String> sources = required.remove("source").strings();
      Check<T> rest = check(owner, required, anyOf, proves);
      for (String source : sources) {
        othersBySource.computeIfAbsent(source, k -> new ArrayList<>()).add(rest);
      }
    } else if (required.containsKey(CALLER_TYPE) && required.get(CALLER_TYPE).onlyStrings()) {
      Set<String> types = required.remove(CALLER_TYPE).strings();
      Check<T> rest = check(owner, required, anyOf, proves);
      for (String type : types) {
        othersByCallerType.computeIfAbsent(type, k -> new ArrayList<>()).add(rest);
      }
    } else {
      others.add(check(owner, required, anyOf, proves));
    }
  }

  private static <T> Check<T> check(T owner, Map<String, FieldMatch> required, List<FieldMatch[][]> anyOf,
      boolean proves) {
    FieldMatch[] fields = required.values().stream()
        .sorted(Comparator.comparingInt(FieldMatch::rank))
        .toArray(FieldMatch[]::new);
    return new Check<>(owner, fields, anyOf.toArray(new FieldMatch[0][][]), proves);
  }

  /**
   * True when every constraint of the pattern is a field {@link FieldMatch} understands, so that all of
   * them saying YES is Event Ruler's verdict too; an {@code $or} is left to Event Ruler.
   */
  static boolean provable(JsonNode pattern) {
    return collect(pattern, "", new LinkedHashMap<>(), null);
  }

  /**
   * The owners of patterns that are checked on every event, indexed by neither event name, source nor
   * caller type: each costs every event of every account a few lookups (BENCHMARKS.md).
   */
  List<T> unindexed() {
    List<T> out = new ArrayList<>(always);
    others.forEach(c -> out.add(c.owner()));
    return out;
  }

  boolean mayMatch(AwsEvent event) {
    List<T> out = new ArrayList<>();
    candidates(event, out, null);
    return !out.isEmpty();
  }

  /**
   * Adds the owners of every pattern the event may match (possibly twice): a necessary condition, so an
   * owner that is not added here cannot match the event. Adds to {@code proven} (when given) the owners
   * whose pattern the check alone proves the event matches.
   */
  void candidates(AwsEvent event, Collection<T> out, Collection<T> proven) {
    out.addAll(always);
    JsonNode detail = event.field("detail");
    JsonNode name = detail == null ? null : detail.get("eventName");
    if (name != null && name.isTextual()) {
      for (Check<T> check : checksFor(name.asText())) {
        run(check, event, out, proven);
      }
    } else if (name != null && name.isContainerNode()) {
      byEventName.values().forEach(list -> list.forEach(c -> out.add(c.owner())));
      byEventNamePrefix.values().forEach(list -> list.forEach(p -> out.add(p.getValue().owner())));
    }
    if (!othersBySource.isEmpty()) {
      JsonNode source = event.field("source");
      List<Check<T>> bySource = source != null && source.isTextual() ? othersBySource.get(source.asText()) : null;
      if (bySource != null) {
        for (Check<T> check : bySource) {
          run(check, event, out, proven);
        }
      }
    }
    if (!othersByCallerType.isEmpty()) {
      JsonNode identity = detail == null ? null : detail.get("userIdentity");
      JsonNode type = identity == null ? null : identity.get("type");
      if (type != null && type.isTextual()) {
        List<Check<T>> byType = othersByCallerType.get(type.asText());
        if (byType != null) {
          for (Check<T> check : byType) {
            run(check, event, out, proven);
          }
        }
      } else if (type != null && type.isContainerNode()) {
        othersByCallerType.values().forEach(list -> list.forEach(c -> out.add(c.owner())));
      }
    }
    for (Check<T> check : others) {
      run(check, event, out, proven);
    }
  }

  private void run(Check<T> check, AwsEvent event, Collection<T> out, Collection<T> proven) {
    int verdict = check.test(event);
    if (verdict > 0) {
      out.add(check.owner());
      if (verdict == 2 && proven != null) {
        proven.add(check.owner());
      }
    }
  }

  /** The checks an event of this name faces: those of the name itself and of every prefix it starts with. */
  private Check<T>[] checksFor(String name) {
    Check<T>[] known = forName.get(name);
    if (known != null) {
      return known;
    }
    List<Check<T>> all = new ArrayList<>(byEventName.getOrDefault(name, List.of()));
    if (!name.isEmpty()) {
      for (Map.Entry<String, Check<T>> p : byEventNamePrefix.getOrDefault(name.charAt(0), List.of())) {
        if (name.startsWith(p.getKey())) {
          all.add(p.getValue());
        }
      }
    }
    byEventNamePrefix.getOrDefault('\0', List.of()).forEach(p -> all.add(p.getValue()));
    @SuppressWarnings("unchecked")
    Check<T>[] checks = all.toArray(new Check[0]);
    if (forName.size() < MAX_NAMES) {
      forName.put(name, checks);
    }
    return checks;
  }

  /**
   * The fields of the pattern {@link FieldMatch} understands, by dotted path. For an {@code $or}, a field
   * every branch names is required too, allowing what any branch allows; and when every branch requires
   * some field understood, the branches go to {@code anyOf} (top-level {@code $or}s only: {@code anyOf}
   * is null inside a branch, and for {@link #provable}).
   *
   * @return true when the pattern is nothing but fields understood, without {@code $or}: provable
   */
  private static boolean collect(JsonNode pattern, String prefix, Map<String, FieldMatch> required,
      List<FieldMatch[][]> anyOf) {
    boolean whole = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = prefix + field.getKey();
      JsonNode value = field.getValue();
      if (field.getKey().startsWith("$")) {
        whole = false;
        if (field.getKey().equals("$or") && value.isArray()) {
          collectOr(value, prefix, required, anyOf);
        }
      } else if (value.isObject()) {
        whole &= collect(value, path + ".", required, anyOf);
      } else {
        FieldMatch match = FieldMatch.of(path, value);
        if (match != null) {
          required.put(path, match);
        } else {
          whole = false;
        }
      }
    }
    return whole;
  }

  private static void collectOr(JsonNode branchesNode, String prefix, Map<String, FieldMatch> required,
      List<FieldMatch[][]> anyOf) {
    Map<String, FieldMatch> common = null;
    List<FieldMatch[]> branches = new ArrayList<>();
    for (JsonNode branch : branchesNode) {
      Map<String, FieldMatch> mine = new LinkedHashMap<>();
      collect(branch, prefix, mine, null);
      branches.add(mine.values().toArray(new FieldMatch[0]));
      if (common == null) {
        common = new LinkedHashMap<>(mine);
      } else {
        common.keySet().retainAll(mine.keySet());
        common.replaceAll((k, v) -> v.or(mine.get(k)));
      }
    }
    if (common != null) {
      common.forEach(required::putIfAbsent);
    }
    if (anyOf != null && !branches.isEmpty() && branches.stream().allMatch(b -> b.length > 0)) {
      anyOf.add(branches.toArray(new FieldMatch[0][]));
    }
  }
}
