package io.trailwatch.core.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.event.Principal;
import io.trailwatch.core.finding.Finding;

/**
 * An alert as a Slack Block Kit message for an incoming webhook: one screen with severity and title,
 * who, where, when, the event and its resources, and the runbook.
 *
 * <p>Every value that came from the event is attacker-controlled. In {@code mrkdwn} text Slack reads
 * {@code <...>} as links and mentions ({@code <!channel>}, {@code <@U123>}), so {@code &}, {@code <} and
 * {@code >} are escaped as Slack documents, and nothing else (other entities would show literally).
 * {@code plain_text} is not parsed, so it is only cut to length. Every text is cut to Block Kit's limits
 * (header 150, section text 3,000, a field 2,000 characters) with a visible marker: a long user agent
 * shortens the message, it never makes Slack reject it.
 */
public final class SlackMessage {
  static final int HEADER_MAX = 150;
  static final int SECTION_MAX = 3000;
  static final int FIELD_MAX = 2000;
  static final int FALLBACK_MAX = 3000;
  static final String CUT = "…";

  private SlackMessage() {}

  public static ObjectNode render(Finding f) {
    return render(f, AlertContext.of(f, io.trailwatch.core.port.AccountNames.NONE));
  }

  public static ObjectNode render(Finding f, AlertContext context) {
    ObjectNode message = Json.MAPPER.createObjectNode();
    message.put("text", cut("[" + f.severity() + "] " + escape(f.title()), FALLBACK_MAX));
    ArrayNode blocks = message.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("text", cut(icon(f.severity()) + " " + f.severity() + ": " + f.title(), HEADER_MAX));

    ObjectNode summary = blocks.addObject().put("type", "section");
    summary.putObject("text").put("type", "mrkdwn").put("verbatim", true)
        .put("text", cut("*" + escape(f.ruleTitle()) + "* (`" + f.ruleId() + "`, " + f.category() + ")\n" + escape(f.description()), SECTION_MAX));

    if (f.firstSteps() != null && !f.firstSteps().isEmpty()) {
      StringBuilder steps = new StringBuilder("*What to do now*");
      int n = 0;
      for (String step : f.firstSteps()) {
        steps.append('\n').append(++n).append(". ").append(escape(step));
      }
      blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("verbatim", true)
          .put("text", cut(steps.toString(), SECTION_MAX));
    }

    ObjectNode facts = blocks.addObject().put("type", "section");
    ArrayNode fields = facts.putArray("fields");
    Principal p = f.principal();
    field(fields, "Who", (p == null ? "-" : escape(p.arn())) + "\n_" + escape(context.principalKind()) + "_");
    if (!context.ownerTags().isEmpty()) {
      StringBuilder owner = new StringBuilder();
      context.ownerTags().forEach((k, v) -> owner.append(escape(k)).append(": ").append(escape(v)).append('\n'));
      field(fields, "Owner", owner.toString().strip());
    }
    field(fields, "MFA", p == null || p.mfa() == null ? "not recorded" : p.mfa() ? "yes" : "*no*");
    field(fields, "Where", escape(context.accountName()) + " / " + escape(f.region()));
    field(fields, "When", escape(f.eventTime()));
    field(fields, "From", escape(f.sourceIp()) + "\n" + escape(f.userAgent()));
    field(fields, "Event", escape(f.eventName()) + " (" + escape(f.eventSource()) + ")\n" + escape(f.eventId()));
    StringBuilder resources = new StringBuilder();
    for (Finding.Resource r : f.resources()) {
      resources.append(escape(r.type())).append(' ').append(escape(r.id())).append('\n');
    }
    if (resources.length() > 0) {
      field(fields, "Resources", resources.toString().strip());
    }
    if (!f.attack().isEmpty()) {
      field(fields, "ATT&amp;CK", escape(String.join(", ", f.attack())));
    }

    StringBuilder footer = new StringBuilder("Runbook: " + escape(f.runbook()));
    if (context.eventLink() != null) {
      footer.append(" · <").append(context.eventLink()).append("|event in CloudTrail>");
    }
    if (context.resourceLink() != null) {
      footer.append(" · <").append(context.resourceLink()).append("|resource in the console>");
    }
    footer.append(" · finding ").append(f.id());
    if (!context.partial().isEmpty()) {
      footer.append(" · _partial: ").append(escape(String.join("; ", context.partial()))).append('_');
    }
    ObjectNode footerBlock = blocks.addObject().put("type", "context");
    footerBlock.putArray("elements").addObject().put("type", "mrkdwn").put("verbatim", true)
        .put("text", cut(footer.toString(), FIELD_MAX));
    return message;
  }

  private static void field(ArrayNode fields, String label, String value) {
    fields.addObject().put("type", "mrkdwn").put("verbatim", true).put("text", cut("*" + label + "*\n" + value, FIELD_MAX));
  }

  /** Slack's escaping for text it parses: only these three characters. */
  public static String escape(String value) {
    if (value == null) {
      return "-";
    }
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Cuts to the limit, never in the middle of an escape sequence, and says it did. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    String head = text.substring(0, max - CUT.length());
    int amp = head.lastIndexOf('&');
    if (amp >= 0 && head.indexOf(';', amp) < 0) {
      head = head.substring(0, amp);
    }
    return head + CUT;
  }

  private static String icon(String severity) {
    return switch (severity) {
      case "CRITICAL" -> "🔴";
      case "HIGH" -> "🟠";
      case "MEDIUM" -> "🟡";
      default -> "🔵";
    };
  }
}
