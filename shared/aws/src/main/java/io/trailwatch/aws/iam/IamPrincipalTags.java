package io.trailwatch.aws.iam;

import io.trailwatch.core.event.Principal;
import io.trailwatch.core.port.PrincipalTags;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Tags of the IAM user or role behind a principal ({@code ListUserTags}, {@code ListRoleTags}), cached
 * for the life of the container. Only principals of this account can be looked up: IAM answers for its
 * own account only, so a principal of another account, a root or a service has no tags here. A user or
 * role deleted since the event has none either.
 */
public final class IamPrincipalTags implements PrincipalTags {
  private final IamClient iam;
  private final String ownAccount;
  private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

  /** @param ownAccount this account's id; null when unknown (then every principal is tried) */
  public IamPrincipalTags(IamClient iam, String ownAccount) {
    this.iam = iam;
    this.ownAccount = ownAccount;
  }

  @Override
  public Map<String, String> tagsOf(Principal principal) {
    String arn = principal.arn();
    if (arn == null) {
      return Map.of();
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || (ownAccount != null && !ownAccount.equals(parts[4]))) {
      return Map.of();
    }
    String resource = parts[5];
    String key;
    if ("IAMUser".equals(principal.type()) && resource.startsWith("user/")) {
      key = "user:" + resource.substring(resource.lastIndexOf('/') + 1);
    } else if ("AssumedRole".equals(principal.type()) && resource.startsWith("assumed-role/")) {
      String rest = resource.substring("assumed-role/".length());
      key = "role:" + (rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
    } else {
      return Map.of();
    }
    Map<String, String> known = cache.get(key);
    if (known != null) {
      return known;
    }
    Map<String, String> tags = new LinkedHashMap<>();
    String name = key.substring(key.indexOf(':') + 1);
    try {
      Iterable<Tag> found = key.startsWith("user:")
          ? iam.listUserTags(b -> b.userName(name)).tags()
          : iam.listRoleTags(b -> b.roleName(name)).tags();
      found.forEach(t -> tags.put(t.key(), t.value()));
    } catch (NoSuchEntityException e) {
      // Deleted since the event: no tags to show.
    } catch (SdkException e) {
      throw new IllegalStateException("IAM tags of " + name + " unavailable: " + e.getMessage(), e);
    }
    Map<String, String> result = Map.copyOf(tags);
    cache.put(key, result);
    return result;
  }
}
