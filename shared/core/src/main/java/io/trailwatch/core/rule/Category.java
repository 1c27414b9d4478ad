package io.trailwatch.core.rule;

import java.util.Locale;

/**
 * One category per rule (DESIGN.md, Rules); where two fit, the consequence the on-call engineer must act
 * on decides.
 */
public enum Category {
  DEPLOYMENT,
  IAM,
  EXPOSURE,
  MFA,
  AUDIT,
  SECRETS,
  NETWORK,
  ROOT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
