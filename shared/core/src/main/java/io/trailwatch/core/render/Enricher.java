package io.trailwatch.core.render;

import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.AccountNames;
import io.trailwatch.core.port.PrincipalTags;

/** The enrichment sources a destination's alerts draw on, built once per container. */
public record Enricher(AccountNames accounts, PrincipalTags tags) {
  public static final Enricher NONE = new Enricher(AccountNames.NONE, PrincipalTags.NONE);

  public AlertContext contextOf(Finding finding) {
    return AlertContext.of(finding, this);
  }
}
