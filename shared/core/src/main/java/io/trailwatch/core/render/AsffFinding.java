package io.trailwatch.core.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.core.event.Json;
import io.trailwatch.core.event.Principal;
import io.trailwatch.core.finding.Finding;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finding as an AWS Security Finding Format document (schema 2018-10-08), ready for Security Hub's
 * {@code BatchImportFindings}. Pure: no SDK, so the core stays free of AWS calls and the document is
 * tested field by field.
 *
 * <p>The ASFF {@code Id} is derived from the finding's stable id, so a redelivery of the same finding
 * updates the one Security Hub holds instead of adding a duplicate. The time fields are the event's
 * time: a redelivery carries the same {@code UpdatedAt}, which Security Hub treats as no change. The
 * finding is imported with the account's default product ({@code product/<account>/default}), which
 * Security Hub accepts only from that same account: the renderer refuses a finding of another account
 * rather than relabel it. {@code Workflow}, {@code Note} and {@code UserDefinedFields} are left to the
 * customer. Every value that comes from the event is stripped of control characters and cut to the
 * ASFF limit of its field (the API reference's limits; {@value #MAX_OTHER} where it states none).
 */
public final class AsffFinding {
  public static final String SCHEMA_VERSION = "2018-10-08";
  static final int MAX_ID = 512;
  static final int MAX_TITLE = 256;
  static final int MAX_DESCRIPTION = 1024;
  static final int MAX_RESOURCES = 32;
  static final int MAX_REQUIREMENTS = 32;
  static final int MAX_RECOMMENDATION = 512;
  static final int MAX_FIELD_VALUE = 2048;
  static final int MAX_OTHER = 512;

  private static final Set<String> SEVERITIES = Set.of("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL");

  /** ASFF resource types the catalog uses, as Security Hub spells them; anything else is {@code Other}. */
  private static final Set<String> RESOURCE_TYPES = Set.of(
      "AwsAccount", "AwsCloudFormationStack", "AwsCloudTrailTrail", "AwsEc2NetworkAcl", "AwsEc2RouteTable",
      "AwsEc2SecurityGroup", "AwsEc2Vpc", "AwsEc2Instance", "AwsEc2Volume", "AwsEc2Subnet",
      "AwsGuardDutyDetector", "AwsIamAccessKey", "AwsIamGroup", "AwsIamPolicy", "AwsIamRole", "AwsIamUser",
      "AwsKmsKey", "AwsLambdaFunction", "AwsS3Bucket", "AwsSecretsManagerSecret", "Other");

  private static final Map<String, String> FRAMEWORKS = Map.of(
      "cis_aws", "CIS AWS Foundations",
      "iso27001", "ISO/IEC 27001:2022",
      "soc2", "SOC 2",
      "gdpr", "GDPR");

  private AsffFinding() {}

  /** The ASFF {@code Id}: the same finding always gives the same one. */
  public static String id(Finding f) {
    return SafeText.clip("trailwatch/" + f.ruleId() + "/" + f.id(), MAX_ID);
  }

  /** The account's default product, the one a custom integration imports into. */
  public static String productArn(String region, String account) {
    return "arn:" + partition(region) + ":securityhub:" + region + ":" + account + ":product/" + account + "/default";
  }

  /**
   * Renders the finding for the Security Hub of {@code account} in {@code region}.
   *
   * @throws IllegalArgumentException when the finding cannot become a valid ASFF document (another
   *     account's finding, an unknown severity, no event time): sending it again would not help
   */
  public static ObjectNode render(Finding f, String region, String account) {
    if (f.account() != null && !f.account().isBlank() && !f.account().equals(account)) {
      throw new IllegalArgumentException("finding of account " + f.account()
          + " cannot be imported into the default product of account " + account);
    }
    if (f.severity() == null || !SEVERITIES.contains(f.severity())) {
      throw new IllegalArgumentException("severity " + f.severity() + " is not an ASFF label");
    }
    String time = time(f.eventTime());
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("SchemaVersion", SCHEMA_VERSION);
    o.put("Id", id(f));
    o.put("ProductArn", productArn(region, account));
    o.put("GeneratorId", SafeText.clip(f.ruleId(), MAX_ID));
    o.put("AwsAccountId", account);
    strings(o.putArray("Types"), AsffTypes.of(f.category()));
    o.put("CreatedAt", time);
    o.put("UpdatedAt", time);
    o.put("FirstObservedAt", time);
    o.put("LastObservedAt", time);
    o.putObject("Severity").put("Label", f.severity());
    o.put("Title", SafeText.firstOf(MAX_TITLE, f.title(), f.ruleTitle(), f.ruleId()));
    o.put("Description", SafeText.firstOf(MAX_DESCRIPTION, f.description(), f.title(), f.ruleId()));
    resources(o.putArray("Resources"), f, region, account);
    action(o, f, time);
    remediation(o, f);
    productFields(o.putObject("ProductFields"), f);
    compliance(o, f);
    o.put("RecordState", "ACTIVE");
    return o;
  }

  private static String time(String eventTime) {
    try {
      return OffsetDateTime.parse(eventTime).toInstant().toString();
    } catch (DateTimeParseException | NullPointerException e) {
      try {
        return Instant.parse(eventTime).toString();
      } catch (DateTimeParseException | NullPointerException e2) {
        throw new IllegalArgumentException("eventTime " + eventTime + " is not an ISO-8601 time", e2);
      }
    }
  }

  private static void resources(ArrayNode out, Finding f, String region, String account) {
    String resourceRegion = f.region() == null || f.region().isBlank() ? region : f.region();
    for (Finding.Resource r : f.resources() == null ? List.<Finding.Resource>of() : f.resources()) {
      if (out.size() == MAX_RESOURCES) {
        break;
      }
      String type = RESOURCE_TYPES.contains(r.type()) ? r.type() : "Other";
      String id = "AwsAccount".equals(type) ? accountResourceId(r.id(), account) : SafeText.clip(r.id(), MAX_ID);
      if (id != null) {
        out.addObject().put("Type", type).put("Id", id).put("Region", resourceRegion);
      }
    }
    if (out.isEmpty()) {
      out.addObject().put("Type", "AwsAccount").put("Id", accountResourceId(account, account)).put("Region", resourceRegion);
    }
  }

  private static String accountResourceId(String id, String account) {
    String value = id != null && id.matches("\\d{12}") ? id : account;
    return "AWS::::Account:" + value;
  }

  private static void action(ObjectNode o, Finding f, String time) {
    String api = SafeText.clip(f.eventName(), MAX_OTHER);
    if (api == null) {
      return;
    }
    ObjectNode call = o.putObject("Action").put("ActionType", "AWS_API_CALL").putObject("AwsApiCallAction");
    call.put("Api", api);
    String service = SafeText.clip(f.eventSource(), MAX_OTHER);
    if (service != null) {
      call.put("ServiceName", service);
    }
    String ip = f.sourceIp();
    if (SafeText.isIpv4(ip)) {
      call.put("CallerType", "remoteip");
      call.putObject("RemoteIpDetails").put("IpAddressV4", ip);
    } else if (SafeText.isIpv6(ip)) {
      call.put("CallerType", "remoteip"); // ASFF has no IPv6 field here: the address is in ProductFields
    } else if (SafeText.isHostname(ip)) {
      call.put("CallerType", "domain");
      call.putObject("DomainDetails").put("Domain", ip);
    }
    call.put("FirstSeen", time);
    call.put("LastSeen", time);
  }

  private static void remediation(ObjectNode o, Finding f) {
    String rule = SafeText.firstOf(MAX_RECOMMENDATION, f.ruleTitle(), f.ruleId());
    ObjectNode recommendation = o.putObject("Remediation").putObject("Recommendation");
    recommendation.put("Text", SafeText.clip(rule + ": follow the runbook"
        + (f.runbook() == null ? "" : " " + f.runbook()), MAX_RECOMMENDATION));
    if (f.runbook() != null && f.runbook().startsWith("https://") && f.runbook().length() <= MAX_OTHER
        && f.runbook().chars().noneMatch(c -> c <= ' ')) {
      recommendation.put("Url", f.runbook());
    }
  }

  /**
   * The update of a window's opening finding for a repeat: same {@code Id} (so Security Hub updates rather
   * than adds), the repeat's details, {@code FirstObservedAt}/{@code CreatedAt} at the window's first
   * sighting, {@code LastObservedAt}/{@code UpdatedAt} at this one (Security Hub ignores an update whose
   * {@code UpdatedAt} is not later), and the count in {@code ProductFields} and the title.
   */
  public static ObjectNode renderRepeat(
      Finding repeat, String openerId, long count, java.time.Instant firstSeen, java.time.Instant lastSeen,
      String region, String account) {
    Finding asOpener = new Finding(openerId, repeat.ruleId(), repeat.title(), repeat.category(), repeat.severity(),
        repeat.status(), repeat.eventId(), repeat.eventTime(), repeat.eventSource(), repeat.eventName(),
        repeat.account(), repeat.region(), repeat.principal(), repeat.sourceIp(), repeat.userAgent(),
        repeat.resources(), repeat.attack(), repeat.compliance(), repeat.runbook(), repeat.ruleTitle(),
        repeat.description(), repeat.dedupKey(), repeat.dedupWindowSeconds(), repeat.firstSteps());
    ObjectNode o = render(asOpener, region, account);
    o.put("CreatedAt", firstSeen.toString());
    o.put("FirstObservedAt", firstSeen.toString());
    o.put("UpdatedAt", lastSeen.toString());
    o.put("LastObservedAt", lastSeen.toString());
    String suffix = " (seen " + count + " times)";
    String title = o.path("Title").asText();
    o.put("Title", (title.length() + suffix.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - suffix.length()) : title) + suffix);
    field((ObjectNode) o.get("ProductFields"), "count", Long.toString(count));
    field((ObjectNode) o.get("ProductFields"), "lastFindingId", repeat.id());
    return o;
  }

  private static void productFields(ObjectNode fields, Finding f) {
    field(fields, "ruleId", f.ruleId());
    field(fields, "findingId", f.id());
    field(fields, "runbook", f.runbook());
    field(fields, "eventId", f.eventId());
    field(fields, "category", f.category());
    field(fields, "status", f.status());
    Principal p = f.principal();
    if (p != null) {
      field(fields, "principalArn", p.arn());
      field(fields, "principalType", p.type());
      field(fields, "mfa", p.mfa() == null ? "not recorded" : p.mfa().toString());
    }
    field(fields, "sourceIp", f.sourceIp());
    field(fields, "userAgent", f.userAgent());
    field(fields, "attack", f.attack() == null ? null : String.join(",", f.attack()));
    field(fields, "dedupKey", f.dedupKey());
  }

  /** All ours under one prefix: Security Hub reserves {@code aws/}, and other products share the map. */
  private static void field(ObjectNode fields, String key, String value) {
    String clipped = SafeText.clip(value, MAX_FIELD_VALUE);
    if (clipped != null) {
      fields.put("trailwatch/" + key, clipped);
    }
  }

  /**
   * The rule's compliance references as {@code RelatedRequirements}. {@code Status} is not set: it is
   * optional, and it reports the result of a control check, which an event detection is not.
   */
  private static void compliance(ObjectNode o, Finding f) {
    if (f.compliance() == null || f.compliance().isEmpty()) {
      return;
    }
    ArrayNode requirements = Json.MAPPER.createArrayNode();
    for (Map.Entry<String, List<String>> e : f.compliance().entrySet()) {
      String framework = FRAMEWORKS.getOrDefault(e.getKey(), e.getKey());
      for (String ref : e.getValue()) {
        String requirement = SafeText.clip(framework + " " + ref, MAX_OTHER);
        if (requirement != null && requirements.size() < MAX_REQUIREMENTS) {
          requirements.add(requirement);
        }
      }
    }
    if (!requirements.isEmpty()) {
      o.putObject("Compliance").set("RelatedRequirements", requirements);
    }
  }

  private static void strings(ArrayNode out, List<String> values) {
    values.forEach(out::add);
  }

  private static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
