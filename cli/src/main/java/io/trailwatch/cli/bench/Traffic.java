package io.trailwatch.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What the traffic families (reads, service activity, writes, security calls) share: the cast, the random
 * source and the request shapes several services use.
 *
 * <p>Why a base class: each family is one weighted {@link Mix} of templates; the helpers here keep each
 * template to the few lines that say what is particular about its call.
 */
abstract class Traffic {
  final Rng rng;
  final Cast cast;

  Traffic(Rng rng, Cast cast) {
    this.rng = rng;
    this.cast = cast;
  }

  /** The family's templates. */
  abstract Mix mix();

  /**
   * Picks a caller from alternating weights and callers; a caller may be a {@code Supplier<Caller>} (a
   * random SSO user's console, for instance). Outside office hours a person drawn is usually drawn again,
   * so night-time reads come from machines, as in a real account.
   */
  Caller who(Object... weightsAndCallers) {
    Caller c = draw(weightsAndCallers);
    for (int retry = 0; retry < 4 && c.human && !Mix.officeHours(cast.now) && rng.chance(0.9); retry++) {
      c = draw(weightsAndCallers);
    }
    return c;
  }

  @SuppressWarnings("unchecked")
  private Caller draw(Object... weightsAndCallers) {
    double total = 0;
    for (int i = 0; i < weightsAndCallers.length; i += 2) {
      total += ((Number) weightsAndCallers[i]).doubleValue();
    }
    double x = rng.nextDouble() * total;
    for (int i = 0; i < weightsAndCallers.length; i += 2) {
      x -= ((Number) weightsAndCallers[i]).doubleValue();
      if (x < 0 || i + 2 >= weightsAndCallers.length) {
        Object c = weightsAndCallers[i + 1];
        return c instanceof Caller caller ? caller : ((Supplier<Caller>) c).get();
      }
    }
    throw new IllegalStateException();
  }

  Supplier<Caller> ssoConsole() {
    return () -> cast.someone().console();
  }

  Supplier<Caller> ssoCli() {
    return () -> cast.someone().cli();
  }

  /**
   * Fails some calls with the service's denial: scanners and vendor crawlers probe what they may not read
   * (anchors C1, C8), people try what their permission set does not allow.
   */
  Rec maybeDenied(Rec rec, Caller caller, String resourceArn) {
    double p;
    if (caller == cast.scanner) {
      p = 0.06;
    } else if (caller == cast.datadog) {
      p = 0.025;
    } else if (caller.human) {
      p = 0.015;
    } else {
      p = 0.002;
    }
    return rng.chance(p) ? rec.denied(resourceArn) : rec;
  }

  /** An S3 bucket-level call: S3's request shape ({@code bucketName}, {@code Host}, the sub-resource). */
  Rec s3(Caller caller, String eventName, String bucket, String subResource, boolean read) {
    String region = bucketRegion(bucket);
    ObjectNode req = J.o("bucketName", bucket, "Host", bucket + ".s3." + region + ".amazonaws.com");
    if (subResource != null) {
      req.put(subResource, "");
    }
    Rec rec = Rec.call(caller, "s3", eventName, region).req(req).s3(bucket);
    return read ? rec.read() : rec;
  }

  static String bucketRegion(String bucket) {
    return Estate.EU.buckets().contains(bucket) ? "eu-west-1" : "us-east-1";
  }

  String anyBucket() {
    return rng.chance(0.75) ? rng.pick(Estate.US.buckets()) : rng.pick(Estate.EU.buckets());
  }

  /** EC2's filter list: {@code {"items":[{"name":..., "valueSet":{"items":[{"value":...}]}}]}}. */
  static ObjectNode ec2Filter(String name, String... values) {
    Object[] items = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      items[i] = J.o("value", values[i]);
    }
    return J.items(J.o("name", name, "valueSet", J.items(items)));
  }

  /** A KMS key of the site, as ARN. */
  String keyArn(Estate.Site site) {
    return site.keyArn(rng.pick(site.keys()));
  }

  /**
   * What STS returns for an assumed role: temporary credentials and the session's identity. The role's
   * session restarts at t, so the calls it makes next carry this access key and a matching creationDate.
   */
  ObjectNode credentials(Instant t, Caller role) {
    String keyId = role.startSession(t);
    String session = role.name();
    return J.o(
        "credentials", J.o(
            "accessKeyId", keyId,
            "sessionToken", "IQoJb3JpZ2luX2VjE" + rng.base64(260),
            "expiration", Times.sts(t.plusSeconds(3600))),
        "assumedRoleUser", J.o(
            "assumedRoleId", role.roleId() + ":" + session,
            "arn", "arn:aws:sts::111122223333:assumed-role/" + role.roleName() + "/" + session));
  }

  /**
   * ec2:AuthorizeSecurityGroupIngress for one CIDR rule (and its IPv6 twin when given), in EC2's nested
   * {@code items} shape (trap D9), with the rule ids EC2 returns.
   */
  Rec sgIngress(Caller caller, Estate.Site s, String groupId, String protocol, int from, int to, String cidr,
      String cidr6, String description) {
    ObjectNode permission = J.o(
        "ipProtocol", protocol, "fromPort", from, "toPort", to, "groups", J.o(),
        "ipRanges", J.items(J.o("cidrIp", cidr, "description", description)),
        "ipv6Ranges", cidr6 == null ? J.o() : J.items(J.o("cidrIpv6", cidr6, "description", description)),
        "prefixListIds", J.o());
    ObjectNode rule = J.o("groupOwnerId", Caller.ACCOUNT, "groupId", groupId,
        "securityGroupRuleId", "sgr-0" + rng.hex(16), "isEgress", false, "ipProtocol", protocol,
        "fromPort", from, "toPort", to, "cidrIpv4", cidr, "description", description);
    ArrayNode rules = J.a(rule);
    if (cidr6 != null) {
      rules.add(J.o("groupOwnerId", Caller.ACCOUNT, "groupId", groupId,
          "securityGroupRuleId", "sgr-0" + rng.hex(16), "isEgress", false, "ipProtocol", protocol,
          "fromPort", from, "toPort", to, "cidrIpv6", cidr6, "description", description));
    }
    return Rec.call(caller, "ec2", "AuthorizeSecurityGroupIngress", s.region())
        .req(J.o("groupId", groupId, "ipPermissions", J.items(permission)))
        .resp(J.o("requestId", rng.uuid(), "_return", true, "securityGroupRuleSet", J.o("items", rules)));
  }

  /** ec2:AuthorizeSecurityGroupIngress from another security group (no CIDR at all). */
  Rec sgIngressFromGroup(Caller caller, Estate.Site s, String groupId, int port, String sourceGroup) {
    ObjectNode permission = J.o(
        "ipProtocol", "tcp", "fromPort", port, "toPort", port,
        "groups", J.items(J.o("groupId", sourceGroup, "description", "from load balancer")),
        "ipRanges", J.o(), "ipv6Ranges", J.o(), "prefixListIds", J.o());
    return Rec.call(caller, "ec2", "AuthorizeSecurityGroupIngress", s.region())
        .req(J.o("groupId", groupId, "ipPermissions", J.items(permission)))
        .resp(J.o("requestId", rng.uuid(), "_return", true, "securityGroupRuleSet", J.items(J.o(
            "groupOwnerId", Caller.ACCOUNT, "groupId", groupId, "securityGroupRuleId", "sgr-0" + rng.hex(16),
            "isEgress", false, "ipProtocol", "tcp", "fromPort", port, "toPort", port,
            "referencedGroupInfo", J.o("groupId", sourceGroup, "userId", Caller.ACCOUNT),
            "description", "from load balancer"))));
  }
}
