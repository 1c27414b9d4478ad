package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.trailwatch.core.condition.ConditionVocabulary;
import io.trailwatch.core.config.ConfigLoader;
import io.trailwatch.core.config.ConfigProblem;
import io.trailwatch.core.rule.Catalogs;
import io.trailwatch.core.rule.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation's examples, executed, so what the docs show is what trailwatch does.
 *
 * <p>In docs/tuning.md, docs/rules.md and README.md:
 *
 * <ul>
 *   <li>a fenced block preceded by {@code <!-- config: NAME -->} is a configuration: it is written to NAME
 *       and must validate with no problem against the built-in catalog. With {@code <!-- config: NAME
 *       invalid -->} it must have problems, and each one, as {@code NAME:LINE: message}, must be written
 *       in the same document (the doc shows the error text trailwatch really prints). Every ```yaml block
 *       of docs/tuning.md must be one of these;
 *   <li>a fenced block preceded by {@code <!-- file: PATH -->} is written to PATH (a rule.yaml, a sample
 *       event);
 *   <li>a ```console block runs its {@code $ trailwatch ...} lines in-process with {@link Main#run}, in
 *       document order, and compares what they print (stdout, then stderr) line by line with the lines
 *       below them. A line {@code ...} stands for any number of lines. A command must exit 0, unless the
 *       next line is {@code $ echo $?} followed by its exit code. No other command may appear.
 * </ul>
 *
 * <p>Each document runs in a scratch folder that stands for the repository's root: it holds copies of
 * {@code trailwatch.yaml} and {@code shared/rules/catalog} (so {@code new-rule} and the files above never
 * touch the real ones), and a relative path in a command is taken from there when it exists, else from
 * the repository (as {@code events/} is). Both folders are cut from what the commands print.
 *
 * <p>The clock is fixed at {@link #TODAY}. Suppressions must expire within a year (ConfigLoader refuses
 * more), so an example of an active suppression has to name a date near the day it was written; with the
 * clock fixed, that date (2027-06-30) stays in the future for this test forever, an expired example
 * (2025-...) stays expired, and the docs keep dates a reader can copy, where a placeholder such as
 * {@code {{expires}}} would not be valid YAML to paste. A reader running an example after 2027-06-30 sees
 * the suppression reported as expired, which is what trailwatch should say then.
 */
class DocExamplesTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Instant TODAY = Instant.parse("2026-11-25T12:00:00Z");
  static final List<String> DOCS = List.of("docs/tuning.md", "docs/rules.md", "README.md");

  private static final Pattern MARKER = Pattern.compile("<!--\\s*(config|file):\\s*(\\S+)(\\s+invalid)?\\s*-->");

  /** One fenced block, with the marker before it, if any. */
  record Block(String doc, int line, String language, String markerKind, String markerPath, boolean invalid,
      List<String> lines) {
    String text() {
      return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    String name() {
      return doc + ":" + line + (markerPath == null ? " " + language : " " + markerPath);
    }
  }

  @TempDir Path scratches;

  @TestFactory
  Stream<DynamicNode> everyExampleOfTheDocsHolds() throws IOException {
    List<DynamicNode> docs = new ArrayList<>();
    for (String doc : DOCS) {
      String text = Files.readString(REPO.resolve(doc));
      List<Block> blocks = blocks(doc, text);
      Path scratch = Files.createDirectories(scratches.resolve(doc.replace('/', '_')));
      List<DynamicNode> tests = new ArrayList<>();
      tests.add(dynamicTest(doc + ": scratch folder", () -> prepare(scratch)));
      for (Block b : blocks) {
        if ("config".equals(b.markerKind())) {
          tests.add(dynamicTest(b.name(), () -> configuration(b, text, scratch)));
        } else if ("file".equals(b.markerKind())) {
          tests.add(dynamicTest(b.name(), () -> write(scratch, b)));
        } else if (b.language().equals("console")) {
          tests.add(dynamicTest(b.name(), () -> console(b, scratch)));
        } else if (doc.equals("docs/tuning.md") && b.language().equals("yaml")) {
          tests.add(dynamicTest(b.name(), () -> fail(b.name() + ": every yaml block of docs/tuning.md is a"
              + " configuration: mark it <!-- config: NAME --> so it is validated")));
        }
      }
      docs.add(dynamicContainer(doc, tests));
    }
    return docs.stream();
  }

  static List<Block> blocks(String doc, String text) {
    List<Block> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String previous = "";
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("```") && line.length() > 3) {
        String language = line.substring(3).trim().split("\\s+")[0];
        int start = i + 1;
        int end = start;
        while (end < lines.length && !lines[end].startsWith("```")) {
          end++;
        }
        Matcher m = MARKER.matcher(previous.trim());
        boolean marked = m.matches();
        out.add(new Block(doc, start, language, marked ? m.group(1) : null, marked ? m.group(2) : null,
            marked && m.group(3) != null, List.of(Arrays.copyOfRange(lines, start, end))));
        i = end;
        previous = "";
      } else if (!line.isBlank()) {
        previous = line;
      }
    }
    return out;
  }

  /** The scratch folder as the repository's root: its configuration and a catalog that may be changed. */
  static void prepare(Path scratch) throws IOException {
    Files.copy(REPO.resolve("trailwatch.yaml"), scratch.resolve("trailwatch.yaml"));
    RulesAndTestCommandTest.copyTree(REPO.resolve("shared/rules/catalog"), scratch.resolve("shared/rules/catalog"));
  }

  static Path write(Path scratch, Block b) throws IOException {
    Path file = scratch.resolve(b.markerPath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, b.text());
    return file;
  }

  static void configuration(Block b, String doc, Path scratch) throws IOException {
    write(scratch, b);
    Set<String> ids = Catalogs.loadBuiltIn(ConditionVocabulary.standard()).stream().map(Rule::id)
        .collect(Collectors.toSet());
    List<ConfigProblem> problems =
        new ConfigLoader(ids, Clock.fixed(TODAY, ZoneOffset.UTC)).validate(b.text(), b.markerPath());
    if (!b.invalid()) {
      assertThat(problems).as(b.name() + " is a valid configuration").isEmpty();
      return;
    }
    assertThat(problems).as(b.name() + " is marked invalid").isNotEmpty();
    for (ConfigProblem p : problems) {
      assertThat(doc).as(b.name() + ": the doc shows the problem trailwatch reports").contains(p.toString());
    }
  }

  static void console(Block b, Path scratch) {
    List<String> lines = b.lines();
    int i = 0;
    Integer lastExit = null;
    String lastCommand = null;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (!line.startsWith("$ ")) {
        fail(b.name() + ": line " + (b.line() + i + 1) + " is output of no command: " + line);
      }
      String command = line.substring(2).trim();
      int next = i + 1;
      while (next < lines.size() && !lines.get(next).startsWith("$ ")) {
        next++;
      }
      List<String> expected = new ArrayList<>(lines.subList(i + 1, next));
      while (!expected.isEmpty() && expected.get(expected.size() - 1).isBlank()) {
        expected.remove(expected.size() - 1);
      }
      if (command.equals("echo $?")) {
        assertThat(lastCommand).as(b.name() + ": echo $? follows a command").isNotNull();
        assertThat(String.valueOf(lastExit)).as("exit code of " + lastCommand).isEqualTo(String.join("\n", expected).trim());
        lastCommand = null;
      } else {
        if (lastCommand != null) {
          assertThat(lastExit).as("exit code of " + lastCommand + " (show another one with $ echo $?)").isZero();
        }
        if (!command.startsWith("trailwatch ")) {
          fail(b.name() + ": only trailwatch commands run here, not: " + command);
        }
        CliRun run = run(command.substring("trailwatch ".length()), scratch);
        List<String> actual = output(run, scratch);
        if (!matches(expected, 0, actual, 0)) {
          fail(b.name() + ": $ " + command + " printed (exit " + run.exitCode() + "):\n" + String.join("\n", actual)
              + "\n--- where the doc shows:\n" + String.join("\n", expected));
        }
        lastExit = run.exitCode();
        lastCommand = command;
      }
      i = next;
    }
    if (lastCommand != null) {
      assertThat(lastExit).as("exit code of " + lastCommand + " (show another one with $ echo $?)").isZero();
    }
  }

  static CliRun run(String arguments, Path scratch) {
    if (arguments.contains("\"") || arguments.contains("'")) {
      fail("keep doc commands free of quotes: " + arguments);
    }
    List<String> args = new ArrayList<>();
    for (String arg : arguments.trim().split("\\s+")) {
      args.add(resolve(arg, scratch));
    }
    Path directory = Main.workingDirectory;
    Clock clock = Main.clock;
    try {
      Main.workingDirectory = scratch;
      Main.clock = Clock.fixed(TODAY, ZoneOffset.UTC);
      return CliRun.of(args.toArray(String[]::new));
    } finally {
      Main.workingDirectory = directory;
      Main.clock = clock;
    }
  }

  /** A relative path, from the scratch folder when it is there, else from the repository. */
  static String resolve(String arg, Path scratch) {
    if (arg.startsWith("-") || arg.startsWith("/")) {
      return arg;
    }
    if (Files.exists(scratch.resolve(arg))) {
      return scratch.resolve(arg).toString();
    }
    if (Files.exists(REPO.resolve(arg))) {
      return REPO.resolve(arg).toString();
    }
    if (arg.contains("/") || arg.endsWith(".yaml") || arg.endsWith(".json")) {
      return scratch.resolve(arg).toString();
    }
    return arg;
  }

  static List<String> output(CliRun run, Path scratch) {
    String all = (run.out() + run.err())
        .replace(scratch + "/", "").replace(scratch.toString(), ".")
        .replace(REPO + "/", "").replace(REPO.toString(), ".");
    List<String> lines = new ArrayList<>();
    for (String l : all.split("\n", -1)) {
      lines.add(l.stripTrailing());
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** Line by line; a line "..." in the expected output stands for any number of lines. */
  static boolean matches(List<String> expected, int e, List<String> actual, int a) {
    if (e == expected.size()) {
      return a == actual.size();
    }
    String want = expected.get(e).stripTrailing();
    if (want.equals("...")) {
      for (int skip = a; skip <= actual.size(); skip++) {
        if (matches(expected, e + 1, actual, skip)) {
          return true;
        }
      }
      return false;
    }
    return a < actual.size() && want.equals(actual.get(a)) && matches(expected, e + 1, actual, a + 1);
  }
}
