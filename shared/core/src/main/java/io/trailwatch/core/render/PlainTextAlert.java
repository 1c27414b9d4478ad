package io.trailwatch.core.render;

import io.trailwatch.core.event.Principal;
import io.trailwatch.core.finding.Finding;
import java.util.List;
import java.util.Map;

/**
 * An alert as plain text, for e-mail through SNS and for pagers that show the subject: what happened,
 * who, where, when, and what to do. Every value that came from the event is attacker-controlled: control
 * characters (a newline could forge a line such as "Severity: LOW") are replaced and each value is cut
 * at {@value #MAX_VALUE} characters.
 */
public final class PlainTextAlert {
  /** SNS accepts subjects of at most 100 printable ASCII characters, no line breaks. */
  public static final int MAX_SUBJECT = 100;

  static final int MAX_VALUE = 512;

  private PlainTextAlert() {}

  public static String subject(Finding f) {
    String subject = "[" + f.severity() + "] " + f.title();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < subject.length() && out.length() < MAX_SUBJECT; i++) {
      char c = subject.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (subject.length() > MAX_SUBJECT) {
      out.setLength(MAX_SUBJECT - 3);
      out.append("...");
    }
    return out.toString();
  }

  public static String body(Finding f) {
    return body(f, AlertContext.of(f, io.trailwatch.core.port.AccountNames.NONE));
  }

  public static String body(Finding f, AlertContext context) {
    StringBuilder out = new StringBuilder();
    out.append(value(f.title())).append("\n\n");
    line(out, "Severity", f.severity() + " (" + f.category() + ")");
    line(out, "Rule", f.ruleId() + ": " + value(f.ruleTitle()));
    Principal p = f.principal();
    if (p != null) {
      String mfa = p.mfa() == null ? "not recorded" : p.mfa() ? "yes" : "no";
      line(out, "Who", value(p.arn()) + " (" + value(p.type()) + ", MFA " + mfa + ")");
      line(out, "Kind", context.principalKind());
      context.ownerTags().forEach((k, v) -> line(out, "Owner", value(k) + "=" + value(v)));
    }
    line(out, "From", value(f.sourceIp()) + ", " + value(f.userAgent()));
    line(out, "Where", value(context.accountName()) + " / " + f.region());
    line(out, "When", f.eventTime());
    line(out, "Event", value(f.eventName()) + " (" + value(f.eventSource()) + "), id " + value(f.eventId()));
    for (Finding.Resource r : f.resources()) {
      line(out, "Resource", r.type() + " " + value(r.id()));
    }
    line(out, "ATT&CK", String.join(", ", f.attack()));
    for (Map.Entry<String, List<String>> c : f.compliance().entrySet()) {
      line(out, "Compliance", c.getKey() + " " + String.join(", ", c.getValue()));
    }
    out.append('\n').append(value(f.description())).append("\n\n");
    if (f.firstSteps() != null && !f.firstSteps().isEmpty()) {
      out.append("What to do now:\n");
      int n = 0;
      for (String step : f.firstSteps()) {
        out.append(++n).append(". ").append(step).append('\n');
      }
      out.append('\n');
    }
    line(out, "Runbook", f.runbook());
    if (context.eventLink() != null) {
      line(out, "Evidence", context.eventLink());
    }
    if (context.resourceLink() != null) {
      line(out, "Console", context.resourceLink());
    }
    if (!context.partial().isEmpty()) {
      line(out, "Partial", value(String.join("; ", context.partial())));
    }
    line(out, "Finding", f.id());
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String text) {
    out.append(label).append(": ").append(text == null ? "-" : text).append('\n');
  }

  /** An event's value made safe for a line of text: no control characters, bounded length. */
  static String value(String text) {
    String safe = SafeText.clip(text, MAX_VALUE);
    return safe == null ? "-" : safe;
  }

}
