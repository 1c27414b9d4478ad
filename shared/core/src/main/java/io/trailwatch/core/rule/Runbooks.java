package io.trailwatch.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a runbook's first steps, so an alert can say what to do in the first five minutes without a click:
 * the items of its "## Triage" section (numbered or bulleted, continuation lines joined), at most
 * {@value #MAX_STEPS}, each cut at {@value #MAX_STEP} characters.
 */
public final class Runbooks {
  static final int MAX_STEPS = 3;
  static final int MAX_STEP = 400;
  private static final Pattern ITEM = Pattern.compile("^\\s{0,3}(?:\\d+\\.|[-*])\\s+(.*)$");

  private Runbooks() {}

  public static List<String> firstSteps(String markdown) {
    List<String> steps = new ArrayList<>();
    boolean inTriage = false;
    StringBuilder current = null;
    for (String line : markdown.split("\\R")) {
      if (line.startsWith("## ")) {
        if (inTriage) {
          break;
        }
        inTriage = line.strip().equalsIgnoreCase("## Triage");
        continue;
      }
      if (!inTriage) {
        continue;
      }
      Matcher item = ITEM.matcher(line);
      if (item.matches()) {
        add(steps, current);
        current = new StringBuilder(item.group(1).strip());
      } else if (current != null && !line.isBlank()) {
        current.append(' ').append(line.strip());
      }
    }
    add(steps, current);
    return List.copyOf(steps.subList(0, Math.min(MAX_STEPS, steps.size())));
  }

  private static void add(List<String> steps, StringBuilder step) {
    if (step == null || step.length() == 0) {
      return;
    }
    String text = step.toString();
    steps.add(text.length() > MAX_STEP ? text.substring(0, MAX_STEP - 1) + "…" : text);
  }
}
