package io.trailwatch.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.finding.FindingIds;
import io.trailwatch.core.rule.Category;
import io.trailwatch.core.rule.Durations;
import io.trailwatch.core.rule.Severity;
import io.trailwatch.core.rule.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * Reads and validates the tuning configuration. Every problem is collected, not just the first, and each
 * names its line: unknown keys (a typo must never silently disable a list), rule ids that do not exist,
 * patterns Event Ruler refuses, bad CIDRs, suppressions without an owner, a reason or an expiry.
 *
 * <p>A suppression whose expiry has passed is reported as {@link ConfigProblem#expired()}: {@code trailwatch
 * config validate} fails on it so it gets cleaned up, while a running function keeps using the
 * configuration (the suppression has simply stopped suppressing) and logs it.
 */
public final class ConfigLoader {
  /** Suppressions are temporary: one that would last longer than this is refused. */
  public static final Duration LONGEST_SUPPRESSION = Duration.ofDays(366);

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern HOURS = Pattern.compile("(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})");
  private static final Set<String> TOP =
      ordered("allowlists", "rules", "suppressions", "change_windows", "routing", "alerts");
  private static final Set<String> OVERRIDE = ordered("enabled", "severity", "status", "dedup_window");
  private static final Set<String> SUPPRESSION = ordered("id", "rules", "match", "owner", "reason", "expires");
  private static final Set<String> WINDOW = ordered("time_zone", "days", "hours");
  private static final Set<String> ROUTING = ordered("sns", "security_hub", "slack");
  private static final Set<String> FILTER = ordered("min_severity", "categories", "accounts", "rules");
  private static final Set<String> SLACK_ROUTE = ordered("channel", "min_severity", "categories", "accounts",
      "rules", "continue");
  private static final Set<String> ALERTS = ordered("digest_threshold", "account_names");

  private final Set<String> ruleIds;
  private final Clock clock;

  /**
   * The keys every mapping of the configuration may hold, by where the mapping is: a JSON Pointer in which
   * {@code *} stands for any name (a rule id, a window name) or any list index. Mappings whose keys are
   * names (allowlists, rules, change_windows, account_names) are not listed. Published so the schema
   * ({@code docs/trailwatch.schema.json}) is tested to name exactly these keys.
   */
  public static Map<String, Set<String>> knownKeys() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    out.put("", TOP);
    out.put("/rules/*", OVERRIDE);
    out.put("/suppressions/*", SUPPRESSION);
    out.put("/change_windows/*", WINDOW);
    out.put("/routing", ROUTING);
    out.put("/routing/sns", FILTER);
    out.put("/routing/security_hub", FILTER);
    out.put("/routing/slack/*", SLACK_ROUTE);
    out.put("/alerts", ALERTS);
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    out.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * @param ruleIds the rules of the catalog, so overrides and suppressions naming another are refused;
   *     null to skip that check
   */
  public ConfigLoader(Set<String> ruleIds, Clock clock) {
    this.ruleIds = ruleIds;
    this.clock = clock;
  }

  /** @throws ConfigException with every problem, when there is one that is not an expiry */
  public TrailwatchConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(List.of(ConfigProblem.error(file.toString(), 0, "cannot read: " + e.getMessage())));
    }
    return parse(text, file.toString());
  }

  /** @throws ConfigException with every problem, when there is one that is not an expiry */
  public TrailwatchConfig parse(String text, String where) {
    Reading r = new Reading(where);
    TrailwatchConfig config = r.read(text);
    List<ConfigProblem> errors = r.problems.stream().filter(p -> !p.expired()).toList();
    if (!errors.isEmpty()) {
      throw new ConfigException(r.problems);
    }
    return config;
  }

  /** Every problem of the text, expiries included, for {@code trailwatch config validate}. */
  public List<ConfigProblem> validate(String text, String where) {
    Reading r = new Reading(where);
    r.read(text);
    return List.copyOf(r.problems);
  }

  /** One pass over one document, collecting problems. */
  private final class Reading {
    final String where;
    final List<ConfigProblem> problems = new ArrayList<>();
    LocatedTree tree;

    Reading(String where) {
      this.where = where;
    }

    TrailwatchConfig read(String text) {
      try {
        tree = LocatedTree.parse(text);
      } catch (LocatedTree.SyntaxError e) {
        problems.add(ConfigProblem.error(where, e.line, e.getMessage()));
        return TrailwatchConfig.EMPTY;
      }
      JsonNode root = tree.root;
      if (!root.isObject()) {
        problem("", "the configuration must be a mapping of sections: " + TOP);
        return TrailwatchConfig.EMPTY;
      }
      keys(root, "", TOP, "section");
      Map<String, Allowlist> allowlists = allowlists(root.path("allowlists"));
      Map<String, RuleOverride> overrides = overrides(root.path("rules"));
      List<Suppression> suppressions = suppressions(root.path("suppressions"));
      Map<String, ChangeWindow> windows = changeWindows(root.path("change_windows"));
      Routing routing = routing(root.path("routing"));
      JsonNode alerts = root.path("alerts");
      Integer digest = null;
      Map<String, String> names = new LinkedHashMap<>();
      if (mapping(alerts, "/alerts", "'alerts'")) {
        keys(alerts, "/alerts", ALERTS, "key of 'alerts'");
        if (alerts.has("digest_threshold")) {
          JsonNode d = alerts.get("digest_threshold");
          if (d.canConvertToInt() && d.isIntegralNumber() && d.asInt() >= 0) {
            digest = d.asInt();
          } else {
            problem("/alerts/digest_threshold", "digest_threshold must be a whole number, 0 or more (0 turns digests off)");
          }
        }
        JsonNode n = alerts.path("account_names");
        if (mapping(n, "/alerts/account_names", "'account_names'")) {
          n.fields().forEachRemaining(e -> {
            String pointer = "/alerts/account_names/" + e.getKey();
            if (!ACCOUNT.matcher(e.getKey()).matches()) {
              problem(pointer, "'" + e.getKey() + "' is not a 12-digit account id (quote it in YAML: \"012345678901\")");
            } else if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
              problem(pointer, "the name of account " + e.getKey() + " must be a text");
            } else {
              names.put(e.getKey(), e.getValue().asText());
            }
          });
        }
      }
      // The version: a short hash of the text, so logs tell which configuration judged an event.
      String version = FindingIds.of("configuration", text).substring(0, 16);
      return new TrailwatchConfig(where, version, Map.copyOf(allowlists), Map.copyOf(overrides),
          List.copyOf(suppressions), Map.copyOf(windows), routing, digest, Map.copyOf(names),
          problems.stream().filter(ConfigProblem::expired).toList());
    }

    // --- allowlists -------------------------------------------------------------------------------

    Map<String, Allowlist> allowlists(JsonNode node) {
      Map<String, Allowlist> out = new LinkedHashMap<>();
      if (!mapping(node, "/allowlists", "'allowlists' (a mapping of list names to entries)")) {
        return out;
      }
      node.fields().forEachRemaining(e -> {
        String name = e.getKey();
        String pointer = "/allowlists/" + name;
        if (!ID.matcher(name).matches()) {
          problem(pointer, "allowlist name '" + name + "' must be lower case letters, digits, _ or -");
        }
        List<String> entries = texts(e.getValue(), pointer, "allowlist '" + name + "'");
        Allowlist.Kind kind = null;
        boolean ok = true;
        for (int i = 0; i < entries.size(); i++) {
          String entry = entries.get(i);
          Allowlist.Kind k = kindOf(entry, pointer + "/" + i, name);
          if (k == null) {
            ok = false;
          } else if (kind == null) {
            kind = k;
          } else if (k != kind) {
            problem(pointer + "/" + i, "allowlist '" + name + "' mixes " + kind.words() + " and " + k.words()
                + " ('" + entry + "'); keep one kind per list");
            ok = false;
          }
        }
        if (ok) {
          out.put(name, new Allowlist(name, kind == null ? Allowlist.Kind.PRINCIPALS : kind, entries));
        }
      });
      return out;
    }

    Allowlist.Kind kindOf(String entry, String pointer, String list) {
      if (entry.startsWith("arn:")) {
        if (entry.split(":", -1).length < 6) {
          problem(pointer, "'" + entry + "' in allowlist '" + list
              + "' is not an ARN (arn:partition:service:region:account:resource; * is a wildcard)");
          return null;
        }
        return Allowlist.Kind.PRINCIPALS;
      }
      if (ACCOUNT.matcher(entry).matches()) {
        return Allowlist.Kind.ACCOUNTS;
      }
      if (entry.contains("/") || entry.matches("[0-9.]+") || entry.contains(":")) {
        String error = Cidr.check(entry);
        if (error != null) {
          problem(pointer, "'" + entry + "' in allowlist '" + list + "' is not a valid CIDR block: " + error);
          return null;
        }
        return Allowlist.Kind.NETWORKS;
      }
      problem(pointer, "'" + entry + "' in allowlist '" + list
          + "' is neither an ARN pattern, a 12-digit account id nor a CIDR block");
      return null;
    }

    // --- rule overrides ---------------------------------------------------------------------------

    Map<String, RuleOverride> overrides(JsonNode node) {
      Map<String, RuleOverride> out = new LinkedHashMap<>();
      if (!mapping(node, "/rules", "'rules' (a mapping of rule ids to overrides)")) {
        return out;
      }
      node.fields().forEachRemaining(e -> {
        String id = e.getKey();
        String pointer = "/rules/" + id;
        if (!knownRule(id, pointer)) {
          return;
        }
        JsonNode o = e.getValue();
        if (!mapping(o, pointer, "the override of rule '" + id + "'")) {
          return;
        }
        keys(o, pointer, OVERRIDE, "key of a rule override");
        Boolean enabled = null;
        if (o.has("enabled")) {
          if (o.get("enabled").isBoolean()) {
            enabled = o.get("enabled").asBoolean();
          } else {
            problem(pointer + "/enabled", "enabled must be true or false");
          }
        }
        Severity severity = o.has("severity") ? severity(o.get("severity"), pointer + "/severity") : null;
        Status status = null;
        if (o.has("status")) {
          try {
            status = Status.valueOf(o.get("status").asText().trim().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException ex) {
            problem(pointer + "/status", "status must be experimental, stable or deprecated, not '"
                + o.get("status").asText() + "'");
          }
        }
        Duration window = null;
        if (o.has("dedup_window")) {
          try {
            window = Durations.parse(o.get("dedup_window").asText());
          } catch (IllegalArgumentException ex) {
            problem(pointer + "/dedup_window", ex.getMessage());
          }
        }
        out.put(id, new RuleOverride(enabled, severity, status, window));
      });
      return out;
    }

    // --- suppressions -----------------------------------------------------------------------------

    List<Suppression> suppressions(JsonNode node) {
      List<Suppression> out = new ArrayList<>();
      if (node.isMissingNode() || node.isNull()) {
        return out;
      }
      if (!node.isArray()) {
        problem("/suppressions", "'suppressions' must be a list");
        return out;
      }
      Set<String> ids = new LinkedHashSet<>();
      for (int i = 0; i < node.size(); i++) {
        String pointer = "/suppressions/" + i;
        JsonNode s = node.get(i);
        if (!mapping(s, pointer, "a suppression")) {
          continue;
        }
        keys(s, pointer, SUPPRESSION, "key of a suppression");
        String id = s.path("id").asText("");
        String label = id.isEmpty() ? "suppression #" + (i + 1) : "suppression '" + id + "'";
        boolean ok = true;
        if (id.isEmpty()) {
          problem(pointer, label + " has no id: give it one (lower case, digits, - or _), so its counts and expiry can be named");
          ok = false;
        } else if (!ID.matcher(id).matches()) {
          problem(pointer + "/id", "suppression id '" + id + "' must be lower case letters, digits, _ or -");
          ok = false;
        } else if (!ids.add(id)) {
          problem(pointer + "/id", "suppression id '" + id + "' is used twice");
          ok = false;
        }
        Set<String> rules = new LinkedHashSet<>();
        if (!s.has("rules")) {
          problem(pointer, label + " has no 'rules': name the rule ids it applies to, or [\"*\"] for every rule");
          ok = false;
        } else {
          List<String> named = texts(s.get("rules"), pointer + "/rules", label + "'s rules");
          for (int j = 0; j < named.size(); j++) {
            if (!named.get(j).equals("*") && !knownRule(named.get(j), pointer + "/rules/" + j)) {
              ok = false;
            }
          }
          if (named.isEmpty()) {
            problem(pointer + "/rules", label + " applies to no rule");
            ok = false;
          }
          rules.addAll(named);
        }
        String pattern = null;
        if (!s.has("match")) {
          problem(pointer, label + " has no 'match' pattern; to turn a rule off everywhere, use rules: {<id>: {enabled: false}}");
          ok = false;
        } else if (!s.get("match").isObject() || s.get("match").isEmpty()) {
          problem(pointer + "/match", label + ": 'match' must be a non-empty EventBridge pattern (a mapping)");
          ok = false;
        } else {
          pattern = s.get("match").toString();
          String error = JsonRuleCompiler.check(pattern);
          if (error != null) {
            int cut = error.indexOf("\n at [Source");
            problem(pointer + "/match", label + ": invalid pattern: " + (cut < 0 ? error : error.substring(0, cut)));
            ok = false;
          }
        }
        String owner = required(s, "owner", pointer, label, "who answers for it (a person or team)");
        String reason = required(s, "reason", pointer, label, "why the findings it hides are expected");
        Instant expires = null;
        if (!s.has("expires")) {
          problem(pointer, label + " has no 'expires': suppressions are temporary (a date such as 2026-12-31, at most a year ahead)");
          ok = false;
        } else {
          expires = expiry(s.get("expires"), pointer + "/expires", label);
          ok &= expires != null;
        }
        if (owner == null || reason == null) {
          ok = false;
        }
        if (ok) {
          Instant now = clock.instant();
          if (!now.isBefore(expires)) {
            problems.add(new ConfigProblem(where, tree.line(pointer + "/expires"), label + " expired on "
                + s.get("expires").asText() + " and no longer suppresses anything; remove it or renew it", true));
          } else if (expires.isAfter(now.plus(LONGEST_SUPPRESSION))) {
            problem(pointer + "/expires", label + " expires more than a year ahead (" + s.get("expires").asText()
                + "); suppressions are temporary: renew it when it expires");
          }
          out.add(new Suppression(id, Set.copyOf(rules), pattern, owner, reason, expires,
              tree.line(pointer)));
        }
      }
      return out;
    }

    String required(JsonNode s, String key, String pointer, String label, String what) {
      JsonNode v = s.get(key);
      if (v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()) {
        problem(v == null ? pointer : pointer + "/" + key, label + " has no '" + key + "': " + what);
        return null;
      }
      return v.asText().strip();
    }

    /** A date means the end of that day in UTC; an instant (2026-12-31T18:00:00Z) means that instant. */
    Instant expiry(JsonNode v, String pointer, String label) {
      String text = v.asText("").strip();
      try {
        if (text.length() == 10) {
          return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(text);
      } catch (DateTimeException e) {
        problem(pointer, label + ": expires '" + text + "' is not a date (2026-12-31) or a UTC time (2026-12-31T18:00:00Z)");
        return null;
      }
    }

    // --- change windows ---------------------------------------------------------------------------

    Map<String, ChangeWindow> changeWindows(JsonNode node) {
      Map<String, ChangeWindow> out = new LinkedHashMap<>();
      if (!mapping(node, "/change_windows", "'change_windows' (a mapping of window names to schedules)")) {
        return out;
      }
      node.fields().forEachRemaining(e -> {
        String name = e.getKey();
        String pointer = "/change_windows/" + name;
        JsonNode w = e.getValue();
        if (!mapping(w, pointer, "change window '" + name + "'")) {
          return;
        }
        keys(w, pointer, WINDOW, "key of a change window");
        ZoneId zone = ZoneOffset.UTC;
        if (w.has("time_zone")) {
          try {
            zone = ZoneId.of(w.get("time_zone").asText());
          } catch (DateTimeException ex) {
            problem(pointer + "/time_zone", "'" + w.get("time_zone").asText()
                + "' is not a time zone; use an IANA name such as Europe/Paris or America/New_York");
            return;
          }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (!w.has("days")) {
          problem(pointer, "change window '" + name + "' has no 'days' (e.g. [mon, tue, wed, thu, fri])");
          return;
        }
        List<String> named = texts(w.get("days"), pointer + "/days", "days");
        for (int i = 0; i < named.size(); i++) {
          DayOfWeek d = day(named.get(i));
          if (d == null) {
            problem(pointer + "/days/" + i, "'" + named.get(i) + "' is not a day (mon, tue, wed, thu, fri, sat, sun)");
            return;
          }
          days.add(d);
        }
        var m = HOURS.matcher(w.path("hours").asText(""));
        if (!m.matches()) {
          problem(w.has("hours") ? pointer + "/hours" : pointer,
              "change window '" + name + "' needs hours as \"HH:MM-HH:MM\" (24-hour clock, e.g. \"09:00-17:30\")");
          return;
        }
        try {
          LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
          LocalTime to = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
          if (from.equals(to)) {
            problem(pointer + "/hours", "change window '" + name + "' starts and ends at the same time");
            return;
          }
          out.put(name, new ChangeWindow(name, zone, Set.copyOf(days), from, to));
        } catch (DateTimeException ex) {
          problem(pointer + "/hours", "change window '" + name + "': " + ex.getMessage());
        }
      });
      return out;
    }

    // --- routing ----------------------------------------------------------------------------------

    Routing routing(JsonNode node) {
      if (!mapping(node, "/routing", "'routing'")) {
        return Routing.DEFAULT;
      }
      keys(node, "/routing", ROUTING, "destination");
      RouteFilter sns = node.has("sns") ? filter(node.get("sns"), "/routing/sns", FILTER) : RouteFilter.ALL;
      RouteFilter hub = node.has("security_hub")
          ? filter(node.get("security_hub"), "/routing/security_hub", FILTER) : RouteFilter.ALL;
      List<Routing.SlackRoute> slack = new ArrayList<>();
      JsonNode routes = node.path("slack");
      if (routes.isMissingNode()) {
        slack.addAll(Routing.DEFAULT.slack());
      } else if (!routes.isArray()) {
        problem("/routing/slack", "'slack' must be a list of routes, each with a channel");
      } else {
        for (int i = 0; i < routes.size(); i++) {
          String pointer = "/routing/slack/" + i;
          JsonNode r = routes.get(i);
          if (!mapping(r, pointer, "a Slack route")) {
            continue;
          }
          String channel = r.path("channel").asText("");
          if (channel.isBlank()) {
            problem(pointer, "a Slack route needs a 'channel': a name in the Slack webhook secret");
            continue;
          }
          boolean continues = false;
          if (r.has("continue")) {
            if (r.get("continue").isBoolean()) {
              continues = r.get("continue").asBoolean();
            } else {
              problem(pointer + "/continue", "continue must be true or false");
            }
          }
          slack.add(new Routing.SlackRoute(channel, filter(r, pointer, SLACK_ROUTE), continues));
        }
      }
      return new Routing(sns, hub, List.copyOf(slack));
    }

    RouteFilter filter(JsonNode f, String pointer, Set<String> allowed) {
      if (!mapping(f, pointer, "a route")) {
        return RouteFilter.ALL;
      }
      keys(f, pointer, allowed, "key of a route");
      Severity min = f.has("min_severity") ? severity(f.get("min_severity"), pointer + "/min_severity") : null;
      Set<String> categories = new LinkedHashSet<>();
      if (f.has("categories")) {
        List<String> named = texts(f.get("categories"), pointer + "/categories", "categories");
        for (int i = 0; i < named.size(); i++) {
          String c = named.get(i).toLowerCase(Locale.ROOT);
          try {
            categories.add(Category.valueOf(c.toUpperCase(Locale.ROOT)).label());
          } catch (IllegalArgumentException e) {
            problem(pointer + "/categories/" + i, "'" + named.get(i) + "' is not a category; categories: "
                + labels());
          }
        }
      }
      Set<String> accounts = new LinkedHashSet<>();
      if (f.has("accounts")) {
        List<String> named = texts(f.get("accounts"), pointer + "/accounts", "accounts");
        for (int i = 0; i < named.size(); i++) {
          if (ACCOUNT.matcher(named.get(i)).matches()) {
            accounts.add(named.get(i));
          } else {
            problem(pointer + "/accounts/" + i, "'" + named.get(i) + "' is not a 12-digit account id (quote it in YAML)");
          }
        }
      }
      Set<String> rules = new LinkedHashSet<>();
      if (f.has("rules")) {
        List<String> named = texts(f.get("rules"), pointer + "/rules", "rules");
        for (int i = 0; i < named.size(); i++) {
          if (knownRule(named.get(i), pointer + "/rules/" + i)) {
            rules.add(named.get(i));
          }
        }
      }
      return new RouteFilter(min == null ? Severity.INFORMATIONAL : min, Set.copyOf(categories),
          Set.copyOf(accounts), Set.copyOf(rules));
    }

    // --- helpers ----------------------------------------------------------------------------------

    Severity severity(JsonNode v, String pointer) {
      try {
        return Severity.parse(v.asText());
      } catch (IllegalArgumentException e) {
        problem(pointer, "'" + v.asText() + "' is not a severity (INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL)");
        return null;
      }
    }

    boolean knownRule(String id, String pointer) {
      if (ruleIds == null || ruleIds.contains(id)) {
        return true;
      }
      String near = nearest(id, ruleIds);
      problem(pointer, "no rule has the id '" + id + "'" + (near == null ? "" : " (did you mean '" + near + "'?)"));
      return false;
    }

    /** True when the node is a mapping; absent is fine (false, no problem); anything else is a problem. */
    boolean mapping(JsonNode node, String pointer, String what) {
      if (node == null || node.isMissingNode() || node.isNull()) {
        return false;
      }
      if (!node.isObject()) {
        problem(pointer, what + " must be a mapping");
        return false;
      }
      return true;
    }

    List<String> texts(JsonNode node, String pointer, String what) {
      List<String> out = new ArrayList<>();
      if (node == null || node.isNull()) {
        return out;
      }
      if (!node.isArray()) {
        problem(pointer, what + " must be a list");
        return out;
      }
      for (int i = 0; i < node.size(); i++) {
        JsonNode v = node.get(i);
        if (!v.isValueNode() || v.isNull() || v.asText().isBlank()) {
          problem(pointer + "/" + i, what + ": entries must be texts");
        } else {
          out.add(v.asText().strip());
        }
      }
      return out;
    }

    void keys(JsonNode node, String pointer, Set<String> known, String what) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!known.contains(key)) {
          String near = nearest(key, known);
          problem(pointer + "/" + key, "unknown " + what + " '" + key + "'"
              + (near == null ? "" : " (did you mean '" + near + "'?)") + "; known: " + known);
        }
      }
    }

    void problem(String pointer, String message) {
      problems.add(ConfigProblem.error(where, tree == null ? 0 : tree.line(pointer), message));
    }
  }

  private static DayOfWeek day(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      if (t.equals(full) || t.equals(full.substring(0, 3))) {
        return d;
      }
    }
    return null;
  }

  private static String labels() {
    List<String> out = new ArrayList<>();
    for (Category c : Category.values()) {
      out.add(c.label());
    }
    return String.join(", ", out);
  }

  /** The closest known name within two edits, for "did you mean". */
  static String nearest(String word, Collection<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(word, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static Set<String> ordered(String... keys) {
    return new LinkedHashSet<>(List.of(keys));
  }
}
