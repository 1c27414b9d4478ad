package io.trailwatch.core.render;

import io.trailwatch.core.event.Principal;
import io.trailwatch.core.finding.Finding;
import io.trailwatch.core.port.AccountNames;
import io.trailwatch.core.port.PrincipalTags;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an on-call engineer needs beside the finding to act at once: the account's name, who the principal
 * is in plain words (the person behind an SSO session, the role behind a session), and links to the
 * evidence. An enrichment that fails never holds the alert back: it goes out marked partial, with the
 * reason.
 *
 * @param partial why some context is missing, or empty when nothing is
 */
public record AlertContext(
    String accountName,
    String principalKind,
    String sessionIssuer,
    String eventLink,
    String resourceLink,
    Map<String, String> ownerTags,
    List<String> partial) {
  /** Tag keys that say whose a principal is. */
  private static final Pattern OWNER_KEY = Pattern.compile("(?i).*(owner|team|contact|service|squad).*");

  static final int MAX_TAGS = 5;

  public static AlertContext of(Finding f, AccountNames accounts) {
    return of(f, new Enricher(accounts, PrincipalTags.NONE));
  }

  public static AlertContext of(Finding f, Enricher enricher) {
    AccountNames accounts = enricher.accounts();
    List<String> partial = new ArrayList<>();
    String accountName = f.account();
    try {
      String name = accounts.nameOf(f.account());
      if (name != null && !name.isBlank()) {
        accountName = name + " (" + f.account() + ")";
      }
    } catch (RuntimeException e) {
      partial.add("account name unavailable: " + e.getMessage());
    }
    Principal p = f.principal();
    Map<String, String> owner = new TreeMap<>();
    if (p != null) {
      try {
        for (Map.Entry<String, String> tag : enricher.tags().tagsOf(p).entrySet()) {
          if (OWNER_KEY.matcher(tag.getKey()).matches() && owner.size() < MAX_TAGS) {
            owner.put(tag.getKey(), tag.getValue());
          }
        }
      } catch (RuntimeException e) {
        partial.add("principal tags unavailable: " + e.getMessage());
      }
    }
    return new AlertContext(accountName, kind(p), issuer(p), eventLink(f), resourceLink(f), Map.copyOf(owner),
        List.copyOf(partial));
  }

  /** The principal's kind as a person reads it. */
  static String kind(Principal p) {
    if (p == null || p.type() == null) {
      return "no caller (an AWS service or configuration event)";
    }
    String arn = p.arn() == null ? "" : p.arn();
    return switch (p.type()) {
      case "Root" -> "the account's root user";
      case "IAMUser" -> "IAM user (long-lived credentials)";
      case "AWSService" -> "an AWS service acting on its own";
      case "FederatedUser" -> "federated user (GetFederationToken)";
      case "IdentityCenterUser" -> "IAM Identity Center user";
      case "AssumedRole" -> arn.contains(":assumed-role/AWSReservedSSO_")
          ? "SSO user, permission set " + permissionSet(arn)
          : arn.matches(".*:assumed-role/[^/]+/i-[0-9a-f]+$") ? "EC2 instance role session" : "role session";
      default -> p.type();
    };
  }

  /** The role behind a role session: its name, which is what allowlists and people recognise. */
  static String issuer(Principal p) {
    if (p == null || p.arn() == null || !p.arn().contains(":assumed-role/")) {
      return null;
    }
    String rest = p.arn().substring(p.arn().indexOf(":assumed-role/") + ":assumed-role/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static String permissionSet(String arn) {
    String role = issuer(new Principal(arn, "AssumedRole", null));
    String set = role.substring("AWSReservedSSO_".length());
    int hash = set.lastIndexOf('_');
    return hash > 0 ? set.substring(0, hash) : set;
  }

  /** The first resource the console can open directly, or null. */
  static String resourceLink(Finding f) {
    String region = f.region();
    if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      return null;
    }
    String home = "https://" + region + ".console.aws.amazon.com/";
    for (Finding.Resource r : f.resources()) {
      if (r.id() == null || r.type() == null) {
        continue;
      }
      String id = URLEncoder.encode(r.id(), StandardCharsets.UTF_8);
      String name = URLEncoder.encode(r.id().substring(r.id().lastIndexOf('/') + 1), StandardCharsets.UTF_8);
      String link = switch (r.type()) {
        case "AwsS3Bucket" -> "https://s3.console.aws.amazon.com/s3/buckets/" + id + "?region=" + region;
        case "AwsIamUser" -> "https://console.aws.amazon.com/iam/home#/users/details/" + name;
        case "AwsIamRole" -> "https://console.aws.amazon.com/iam/home#/roles/details/" + name;
        case "AwsEc2SecurityGroup" -> home + "ec2/home?region=" + region + "#SecurityGroup:groupId=" + id;
        case "AwsLambdaFunction" -> home + "lambda/home?region=" + region + "#/functions/"
            + URLEncoder.encode(r.id().replaceAll("^arn:.*:function:", "").replaceAll(":.*$", ""), StandardCharsets.UTF_8);
        case "AwsKmsKey" -> home + "kms/home?region=" + region + "#/kms/keys/" + name;
        case "AwsCloudTrailTrail" -> home + "cloudtrailv2/home?region=" + region + "#/trails/" + id;
        case "AwsSecretsManagerSecret" -> home + "secretsmanager/secret?name=" + id + "&region=" + region;
        default -> null;
      };
      if (link != null) {
        return link;
      }
    }
    return null;
  }

  /** The event in CloudTrail's event history, in the region it happened in (90 days of history). */
  static String eventLink(Finding f) {
    if (f.eventId() == null || f.region() == null || !f.region().matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      return null;
    }
    String region = f.region();
    return "https://" + region + ".console.aws.amazon.com/cloudtrailv2/home?region=" + region
        + "#/events/" + URLEncoder.encode(f.eventId(), StandardCharsets.UTF_8);
  }
}
