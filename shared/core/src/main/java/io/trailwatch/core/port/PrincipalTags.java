package io.trailwatch.core.port;

import io.trailwatch.core.event.Principal;
import java.util.Map;

/**
 * The tags of the IAM user or role behind a principal (for a role session, its role), so an alert can say
 * whose it is: the owner or team to call at 3 a.m.
 */
@FunctionalInterface
public interface PrincipalTags {
  /**
   * @return the tags, empty when the principal has none or is not an IAM user or role of this account
   * @throws RuntimeException when they could not be read (the alert goes out marked partial)
   */
  Map<String, String> tagsOf(Principal principal);

  PrincipalTags NONE = p -> Map.of();
}
