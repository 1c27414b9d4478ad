package io.trailwatch.aws.organizations;

import io.trailwatch.core.port.AccountNames;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;

/**
 * Account names from AWS Organizations ({@code DescribeAccount}), which answers only in the management
 * account or a delegated administrator. Names are cached for the life of the container (they rarely
 * change). When Organizations is not allowed or not in use, that is remembered and the configured names
 * are used from then on, without marking alerts partial: it is a deployment choice, not a failure. Other
 * errors propagate, so the alert goes out marked partial with the reason.
 */
public final class OrganizationsAccountNames implements AccountNames {
  private final OrganizationsClient organizations;
  private final AccountNames configured;
  private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();
  private volatile boolean allowed = true;

  public OrganizationsAccountNames(OrganizationsClient organizations, AccountNames configured) {
    this.organizations = organizations;
    this.configured = configured;
  }

  @Override
  public String nameOf(String accountId) {
    if (accountId == null) {
      return null;
    }
    String mine = configured.nameOf(accountId);
    if (mine != null || !allowed) {
      return mine;
    }
    Optional<String> known = cache.get(accountId);
    if (known != null) {
      return known.orElse(null);
    }
    try {
      String name = organizations.describeAccount(b -> b.accountId(accountId)).account().name();
      cache.put(accountId, Optional.ofNullable(name));
      return name;
    } catch (AccessDeniedException | AwsOrganizationsNotInUseException e) {
      allowed = false;
      return null;
    } catch (AccountNotFoundException e) {
      cache.put(accountId, Optional.empty());
      return null;
    } catch (SdkException e) {
      throw new IllegalStateException("Organizations DescribeAccount failed: " + e.getMessage(), e);
    }
  }
}
