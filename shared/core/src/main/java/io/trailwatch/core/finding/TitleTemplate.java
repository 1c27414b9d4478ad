package io.trailwatch.core.finding;

import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.event.Json;

/**
 * Fills a rule's alert title: {@code "MFA device of {detail.requestParameters.userName} deactivated by
 * {actor}"}. Placeholders are dotted paths into the event, or the names {@code actor}, {@code account},
 * {@code region}, {@code eventName}, {@code sourceIp}, {@code principal.arn}, {@code principal.type}.
 * {@code {a|b}} takes the first that is present, for calls that record the same thing in two places. A
 * value missing from the event shows as {@code ?}; values are cut at {@value #MAX_VALUE} characters. Values
 * come from the event and are attacker-controlled: destinations escape them for their own format.
 */
public final class TitleTemplate {
  static final int MAX_VALUE = 120;

  private TitleTemplate() {}

  public static String render(String template, AwsEvent event) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (open < 0 || close < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, open);
      String value = null;
      for (String alternative : template.substring(open + 1, close).split("\\|")) {
        value = resolve(alternative.trim(), event);
        if (value != null && !value.isEmpty()) {
          break;
        }
      }
      if (value == null || value.isEmpty()) {
        value = "?";
      }
      if (value.length() > MAX_VALUE) {
        value = value.substring(0, MAX_VALUE - 1) + "…";
      }
      out.append(value);
      i = close + 1;
    }
    return out.toString();
  }

  static String resolve(String name, AwsEvent event) {
    return switch (name) {
      case "actor" -> actor(event);
      case "account" -> event.account();
      case "region" -> event.region();
      case "eventName" -> event.eventName();
      case "sourceIp" -> event.sourceIp();
      case "principal.arn" -> Json.text(event.detail(), "userIdentity.arn");
      case "principal.type" -> Json.text(event.detail(), "userIdentity.type");
      default -> event.text(name);
    };
  }

  /** The caller in the fewest words a person recognises: a user name, role/session, root or a service. */
  public static String actor(AwsEvent event) {
    String type = Json.text(event.detail(), "userIdentity.type");
    if (type == null) {
      return null;
    }
    switch (type) {
      case "Root":
        return "root";
      case "IAMUser":
        String user = Json.text(event.detail(), "userIdentity.userName");
        return user != null ? user : Json.text(event.detail(), "userIdentity.arn");
      case "AWSService":
        return Json.text(event.detail(), "userIdentity.invokedBy");
      default:
        String arn = Json.text(event.detail(), "userIdentity.arn");
        if (arn == null) {
          return Json.text(event.detail(), "userIdentity.principalId");
        }
        return sessionName(arn);
    }
  }

  /**
   * {@code arn:aws:sts::1:assumed-role/AWSReservedSSO_Admin_4f8a1b2c/alice@example.com} reads as
   * {@code alice@example.com (SSO Admin)}; other role sessions as {@code role/session}.
   */
  static String sessionName(String arn) {
    int slash = arn.indexOf('/');
    if (slash < 0) {
      return arn;
    }
    String rest = arn.substring(slash + 1);
    int second = rest.indexOf('/');
    if (second < 0) {
      return rest;
    }
    String role = rest.substring(0, second);
    String session = rest.substring(second + 1);
    if (role.startsWith("AWSReservedSSO_")) {
      String permissionSet = role.substring("AWSReservedSSO_".length());
      int hash = permissionSet.lastIndexOf('_');
      if (hash > 0) {
        permissionSet = permissionSet.substring(0, hash);
      }
      return session + " (SSO " + permissionSet + ")";
    }
    return rest;
  }
}
