package io.trailwatch.core.render;

/**
 * Event text made fit for a destination's field: control characters (which could forge lines in an
 * e-mail, a console or a ticket) become spaces, and the value is cut at the field's limit with a marker.
 * Most event text is attacker-controlled, so every value from an event that a plain-text or ASFF field
 * shows goes through here (Slack's mrkdwn has its own escaping on top, in {@link SlackMessage}).
 */
final class SafeText {
  private SafeText() {}

  /** The value made safe and cut to {@code max} characters, or null when nothing printable is left. */
  static String clip(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    String clean = out.toString().strip();
    if (clean.isEmpty()) {
      return null;
    }
    if (clean.length() <= max) {
      return clean;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(clean.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return clean.substring(0, end) + "\u2026";
  }

  /** The first of the values that has something printable, clipped; null when none has. */
  static String firstOf(int max, String... candidates) {
    for (String candidate : candidates) {
      String clipped = clip(candidate, max);
      if (clipped != null) {
        return clipped;
      }
    }
    return null;
  }

  /** True for a dotted-quad IPv4 literal, without any name lookup. */
  static boolean isIpv4(String text) {
    if (text == null) {
      return false;
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** True for what can only be an IPv6 literal (hex digits, colons, an embedded IPv4, a zone). */
  static boolean isIpv6(String text) {
    return text != null && text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+(%[\\w.-]+)?");
  }

  /**
   * True for a DNS name such as CloudTrail records for calls made by AWS services; its last label has a
   * letter, so a malformed address (999.1.1.1) is not taken for a name.
   */
  static boolean isHostname(String text) {
    return text != null && text.length() <= 253
        && text.matches("([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*");
  }
}
