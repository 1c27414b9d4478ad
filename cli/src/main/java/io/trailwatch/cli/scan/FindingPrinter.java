package io.trailwatch.cli.scan;

import io.trailwatch.core.event.Principal;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.finding.FindingJson;
import java.io.PrintStream;

/**
 * Prints findings for a person at a terminal ({@code text}) or for programs ({@code jsonl}, one object a
 * line). Text from events is attacker-controlled: control characters are shown escaped, so a crafted
 * user agent cannot move the cursor or recolour the terminal.
 */
public final class FindingPrinter {
  public enum Format {
    text,
    jsonl
  }

  private final Format format;
  private final PrintStream out;

  public FindingPrinter(Format format, PrintStream out) {
    this.format = format;
    this.out = out;
  }

  public void print(Finding f) {
    if (format == Format.jsonl) {
      out.println(FindingJson.toJson(f));
      return;
    }
    out.printf(
        "%-8s %s  %s  %s/%s%n",
        f.severity().equals("INFORMATIONAL") ? "INFO" : f.severity(),
        safe(f.eventTime()),
        f.ruleId(),
        safe(f.account()),
        safe(f.region()));
    out.println("         " + safe(f.title()));
    Principal p = f.principal();
    StringBuilder who = new StringBuilder("         who: ");
    if (p == null) {
      who.append("(no caller: ").append(safe(f.eventSource())).append(")");
    } else {
      who.append(safe(p.arn())).append(" (").append(safe(p.type()));
      who.append(p.mfa() == null ? "" : p.mfa() ? ", MFA" : ", no MFA").append(")");
    }
    if (f.sourceIp() != null) {
      who.append(" from ").append(safe(f.sourceIp()));
    }
    out.println(who);
    out.println("         event: " + safe(f.eventName()) + " " + safe(f.eventId()) + "  runbook: " + f.runbook());
    out.println();
  }

  /** Makes control characters visible: "\u001b[2J" prints as text instead of clearing the screen. */
  static String safe(String value) {
    if (value == null) {
      return "-";
    }
    StringBuilder sb = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
      if (control && sb == null) {
        sb = new StringBuilder(value.substring(0, i));
      }
      if (sb != null) {
        if (control) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? value : sb.toString();
  }
}
