package io.trailwatch.cli;

import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.RuleLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trailwatch new-rule <service> <rule_id>}: starts a rule folder from the catalog's template, so a
 * rule author goes straight to the loop of editing rule.yaml, writing samples and running
 * {@code trailwatch test}.
 */
@Command(
    name = "new-rule",
    mixinStandardHelpOptions = true,
    description = {
      "Creates DIR/<service>/<rule_id>/ from the catalog's template (_template/): rule.yaml with its id set,"
          + " runbook.md, tests/positive/ and tests/negative/. See docs/rules.md.",
      "Exit 2 when the id does not follow the catalog's naming, the folder or the id exists, or there is no"
          + " catalog folder."
    })
final class NewRuleCommand implements Callable<Integer> {
  /** The catalog's place in the repository: the default when run from the repository's root. */
  static final String DEFAULT_CATALOG = "shared/rules/catalog";

  private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9]*");
  /** The rule loader's naming: lower snake case, at least two words. */
  private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)+");

  @Parameters(index = "0", paramLabel = "SERVICE", description = "The AWS service, as in its event source: s3, iam, lambda...")
  String service;

  @Parameters(index = "1", paramLabel = "RULE_ID", description = "<service>_<object>_<change>, lower snake case: s3_bucket_versioning_suspended.")
  String ruleId;

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "The catalog folder to create the rule in (default: " + DEFAULT_CATALOG
          + ", when run from the repository's root).")
  Path rules;

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    if (!SERVICE.matcher(service).matches()) {
      err.println("trailwatch: service '" + service + "' must be lower case letters and digits, as in its"
          + " event source (s3 for s3.amazonaws.com)");
      return Main.EXIT_USAGE;
    }
    if (!RULE_ID.matcher(ruleId).matches() || !ruleId.startsWith(service + "_")) {
      err.println("trailwatch: rule id '" + ruleId + "' must be lower snake case and start with the service: "
          + service + "_<object>_<change> (the loader's naming, e.g. s3_bucket_versioning_suspended)");
      return Main.EXIT_USAGE;
    }
    String shown = rules == null ? DEFAULT_CATALOG : rules.toString().replaceAll("/+$", "");
    Path catalog = Main.workingDirectory.resolve(rules == null ? Path.of(DEFAULT_CATALOG) : rules);
    if (!Files.isDirectory(catalog)) {
      err.println(rules == null
          ? "trailwatch: no " + DEFAULT_CATALOG + " here: run from the repository's root, or pass --rules DIR"
          : "trailwatch: --rules " + rules + ": not a directory");
      return Main.EXIT_USAGE;
    }
    Path folder = catalog.resolve(service).resolve(ruleId);
    String shownFolder = shown + "/" + service + "/" + ruleId;
    if (Files.exists(folder)) {
      err.println("trailwatch: " + shownFolder + " already exists; rule ids are never reused (deprecate a rule"
          + " instead of renaming it)");
      return Main.EXIT_USAGE;
    }
    for (Path file : RuleLoader.ruleFiles(catalog)) {
      if (file.getParent().getFileName().toString().equals(ruleId)) {
        err.println("trailwatch: the rule id " + ruleId + " is taken by " + shown + "/"
            + catalog.relativize(file.getParent()).toString().replace('\\', '/'));
        return Main.EXIT_USAGE;
      }
    }
    Path template = catalog.resolve("_template");
    if (!Files.isDirectory(template)) {
      template = Catalogs.builtIn().resolve("_template");
    }
    List<String> created = copyTemplate(template, folder);
    out.println("created " + shownFolder + "/");
    created.forEach(f -> out.println("  " + f));
    out.println();
    out.println("next:");
    out.println("  1. edit rule.yaml: title, description, category, severity, the match pattern (its source and");
    out.println("     eventSource are set for " + service + "), alert title, dedup keys, resources");
    out.println("  2. write runbook.md: triage, investigation steps, false positives, response");
    out.println("  3. add samples: tests/positive/*.json (events that must fire the rule) and");
    out.println("     tests/negative/*.json (near misses that must not)");
    out.println("  4. trailwatch test " + ruleId + " --rules " + shown);
    return 0;
  }

  /** Copies the template, filling in the id and the service; returns what it created, for the listing. */
  private List<String> copyTemplate(Path template, Path folder) throws IOException {
    List<String> created = new ArrayList<>();
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(template)) {
      entries = walk.sorted().toList();
    }
    for (Path source : entries) {
      String relative = template.relativize(source).toString().replace('\\', '/');
      Path target = relative.isEmpty() ? folder : folder.resolve(relative);
      if (Files.isDirectory(source)) {
        Files.createDirectories(target);
        if (relative.startsWith("tests/")) {
          created.add(relative + "/");
        }
      } else if (relative.equals("rule.yaml")) {
        Files.writeString(target, ruleYaml(Files.readString(source, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        created.add(relative);
      } else {
        Files.copy(source, target);
        if (!source.getFileName().toString().startsWith(".")) {
          created.add(relative);
        }
      }
    }
    return created;
  }

  /** The template's rule.yaml with this rule's id and service, and without the note about copying it. */
  String ruleYaml(String template) {
    StringBuilder out = new StringBuilder();
    for (String line : template.split("\n", -1)) {
      if (line.startsWith("# Copy this folder")) {
        continue;
      }
      if (line.startsWith("id:")) {
        line = "id: " + ruleId;
      }
      line = line.replace("[aws.service]", "[aws." + service + "]")
          .replace("[service.amazonaws.com]", "[" + service + ".amazonaws.com]");
      out.append(line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
