package io.trailwatch.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One principal of the simulated account and how CloudTrail records it: the {@code userIdentity} block, the
 * source IP and the user agent.
 *
 * <p>Why a stateful object: in a real trail a role session keeps its temporary key ({@code ASIA...}) and its
 * {@code creationDate} for the life of the session, and a new session starts when it expires. Rules and
 * enrichment group on these, so ids that changed on every record would be as unrealistic as ids that never
 * changed. Sessions renew from the generator's {@link Rng}, so they stay reproducible.
 *
 * <p>A call made by a service with the caller's credentials (CloudFormation applying a stack, Secrets
 * Manager decrypting for a task; anchor trap D2) is {@link #via(String)}: the same session, plus {@code
 * invokedBy}, with the service host as source IP and agent.
 */
final class Caller {
  static final String ACCOUNT = "111122223333";
  static final String FOREIGN_ACCOUNT = "444455556666";

  /** How CloudTrail types the principal. */
  enum Kind {
    ROLE_SESSION,
    IAM_USER,
    AWS_SERVICE,
    AWS_ACCOUNT,
    WEB_IDENTITY,
    SAML_USER,
    ROOT,
    /** An AWS-internal actor of an AwsServiceEvent: only accountId and invokedBy "AWS Internal". */
    INTERNAL
  }

  /** The mutable part, shared between a caller and its {@link #via} forms. */
  private static final class Session {
    String keyId;
    Instant created;
    Instant expires;
    String name;
  }

  final Kind kind;
  /** True for a person: their activity follows office hours. */
  final boolean human;
  private final Rng rng;

  private String roleName;
  private String roleId;
  private String rolePath = "/";
  private Supplier<String> sessionNamer;
  private long sessionSeconds = 3600;
  private boolean mfa;
  private boolean console;
  private String federatedProvider;

  private String userName;
  private String userId;
  private String longTermKey;

  private String principalId;
  private String identityProvider;
  private String invokedBy;

  private String[] ips = {"AWS Internal"};
  private UserAgents.Family agent = UserAgents.Family.SERVICE;
  private String platform = "";

  private Session session = new Session();

  private Caller(Kind kind, boolean human, Rng rng) {
    this.kind = kind;
    this.human = human;
    this.rng = rng;
  }

  /** A session of an IAM role in our account. */
  static Caller role(
      Rng rng, String roleName, String roleId, Supplier<String> sessionNamer, long sessionSeconds) {
    Caller c = new Caller(Kind.ROLE_SESSION, false, rng);
    c.roleName = roleName;
    c.roleId = roleId;
    c.sessionNamer = sessionNamer;
    c.sessionSeconds = sessionSeconds;
    return c;
  }

  /** An IAM Identity Center user's session of a permission set role ({@code AWSReservedSSO_*}). */
  static Caller sso(Rng rng, String permissionSetRole, String roleId, String email, boolean console) {
    Caller c = role(rng, permissionSetRole, roleId, () -> email, console ? 12 * 3600 : 8 * 3600);
    c.rolePath = "/aws-reserved/sso.amazonaws.com/";
    c.console = console;
    return new Caller(c, true);
  }

  /** An IAM user, with a long-term key for API calls or a console session. */
  static Caller iamUser(
      Rng rng, String userName, String userId, String longTermKey, boolean human, boolean console) {
    Caller c = new Caller(Kind.IAM_USER, human, rng);
    c.userName = userName;
    c.userId = userId;
    c.longTermKey = longTermKey;
    c.console = console;
    c.mfa = console;
    c.sessionSeconds = 12 * 3600;
    return c;
  }

  /** An AWS service principal acting itself ({@code userIdentity.type = AWSService}). */
  static Caller service(Rng rng, String host) {
    Caller c = new Caller(Kind.AWS_SERVICE, false, rng);
    c.invokedBy = host;
    c.ips = new String[] {host};
    return c;
  }

  /**
   * The actor of a service event: only {@code accountId} and {@code invokedBy} ("AWS Internal" for KMS key
   * rotation, the service host for Secrets Manager rotation).
   */
  static Caller internal(Rng rng, String invokedBy) {
    Caller c = new Caller(Kind.INTERNAL, false, rng);
    c.invokedBy = invokedBy;
    c.ips = new String[] {invokedBy};
    c.agent = UserAgents.Family.SERVICE;
    return c;
  }

  /** The account's root user (security traffic only: the baseline never contains it). */
  static Caller root(Rng rng) {
    return new Caller(Kind.ROOT, true, rng);
  }

  /** A principal of another account calling into ours (cross-account AssumeRole). */
  static Caller foreignAccount(Rng rng, String principalId) {
    Caller c = new Caller(Kind.AWS_ACCOUNT, false, rng);
    c.principalId = principalId;
    return c;
  }

  /** A web identity (GitHub Actions' OIDC token) calling AssumeRoleWithWebIdentity. */
  static Caller webIdentity(Rng rng, String provider, String subject) {
    Caller c = new Caller(Kind.WEB_IDENTITY, false, rng);
    c.identityProvider = provider;
    c.userName = subject;
    c.principalId = provider + ":sts.amazonaws.com:" + subject;
    return c;
  }

  /** A SAML-federated user calling AssumeRoleWithSAML (the Identity Center console hand-off). */
  static Caller samlUser(Rng rng, String issuerHash, String email) {
    Caller c = new Caller(Kind.SAML_USER, true, rng);
    c.identityProvider = issuerHash;
    c.userName = email;
    c.principalId = issuerHash + ":" + email;
    return c;
  }

  /** Copy constructor that only changes {@link #human}. */
  private Caller(Caller other, boolean human) {
    this(other.kind, human, other.rng);
    copyFrom(other);
  }

  private void copyFrom(Caller other) {
    roleName = other.roleName;
    roleId = other.roleId;
    rolePath = other.rolePath;
    sessionNamer = other.sessionNamer;
    sessionSeconds = other.sessionSeconds;
    mfa = other.mfa;
    console = other.console;
    federatedProvider = other.federatedProvider;
    userName = other.userName;
    userId = other.userId;
    longTermKey = other.longTermKey;
    principalId = other.principalId;
    identityProvider = other.identityProvider;
    invokedBy = other.invokedBy;
    ips = other.ips;
    agent = other.agent;
    platform = other.platform;
    session = other.session;
  }

  Caller path(String path) {
    this.rolePath = path;
    return this;
  }

  Caller from(String... sourceIps) {
    this.ips = sourceIps;
    return this;
  }

  Caller agent(UserAgents.Family family, String platform) {
    this.agent = family;
    this.platform = platform;
    return this;
  }

  Caller agent(UserAgents.Family family) {
    return agent(family, "");
  }

  /** Marks the role as assumed through a web identity provider (recorded in webIdFederationData). */
  Caller federatedBy(String provider) {
    this.federatedProvider = provider;
    return this;
  }

  /** The same session with {@code invokedBy}: a service acting on this principal's behalf. */
  Caller via(String serviceHost) {
    Caller c = new Caller(kind, false, rng);
    c.copyFrom(this);
    c.invokedBy = serviceHost;
    c.ips = new String[] {serviceHost};
    c.agent = UserAgents.Family.SERVICE;
    c.console = false;
    return c;
  }

  /** The same session seen through another client (a browser signing in, the console calling APIs). */
  Caller seenAs(UserAgents.Family family, String agentPlatform) {
    Caller c = new Caller(kind, human, rng);
    c.copyFrom(this);
    c.agent = family;
    c.platform = agentPlatform;
    return c;
  }

  boolean console() {
    return console;
  }

  String invokedBy() {
    return invokedBy;
  }

  /** The caller's own user name (IAM users) or session name (roles). */
  String name() {
    if (kind == Kind.IAM_USER || sessionNamer == null) {
      return userName;
    }
    if (session.name == null) {
      session.name = sessionNamer.get();
    }
    return session.name;
  }

  String roleArn() {
    return "arn:aws:iam::" + ACCOUNT + ":role" + rolePath + roleName;
  }

  String roleName() {
    return roleName;
  }

  String roleId() {
    return roleId;
  }

  String userName() {
    return userName;
  }

  /** The ARN a denial message names. */
  String arn(Instant t) {
    renew(t);
    return switch (kind) {
      case ROLE_SESSION -> "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/" + session.name;
      case IAM_USER -> "arn:aws:iam::" + ACCOUNT + ":user/" + userName;
      default -> "arn:aws:iam::" + ACCOUNT + ":root";
    };
  }

  String sourceIp() {
    if (ips.length == 1 || rng.chance(0.85)) {
      return ips[0];
    }
    return ips[1 + rng.nextInt(ips.length - 1)];
  }

  String userAgent(String service, String eventName, String region) {
    return UserAgents.render(
        agent, platform, service, eventName, invokedBy != null ? invokedBy : Apis.host(service, region));
  }

  /**
   * Starts a new session at t, as the AssumeRole (or sign-in) recorded at t just created it, and returns
   * its temporary access key id, so the credentials in that record and the identity of the calls that
   * follow agree.
   */
  String startSession(Instant t) {
    session.created = t;
    session.expires = t.plusSeconds(sessionSeconds);
    session.keyId = rng.sessionKeyId();
    session.name = sessionNamer == null ? userName : sessionNamer.get();
    return session.keyId;
  }

  /** Starts a new session when the current one has expired (or none exists yet). */
  private void renew(Instant t) {
    if (kind != Kind.ROLE_SESSION && !(kind == Kind.IAM_USER && console)) {
      return;
    }
    if (session.keyId != null && t.isBefore(session.expires) && !t.isBefore(session.created)) {
      return;
    }
    long age =
        session.keyId == null ? rng.between(30, (int) Math.min(sessionSeconds / 2, 2400)) : rng.between(1, 40);
    session.created = t.minusSeconds(age);
    session.expires = session.created.plusSeconds(sessionSeconds);
    boolean named = session.keyId == null && session.name != null;
    session.keyId = rng.sessionKeyId();
    if (!named) {
      session.name = sessionNamer == null ? userName : sessionNamer.get();
    }
  }

  /** The {@code userIdentity} block as CloudTrail writes it for this principal at time t. */
  ObjectNode identity(Instant t) {
    renew(t);
    ObjectNode id;
    switch (kind) {
      case ROLE_SESSION:
        id =
            J.o(
                "type", "AssumedRole",
                "principalId", roleId + ":" + session.name,
                "arn", arn(t),
                "accountId", ACCOUNT,
                "accessKeyId", session.keyId,
                "sessionContext",
                    J.o(
                        "sessionIssuer",
                            J.o(
                                "type", "Role",
                                "principalId", roleId,
                                "arn", roleArn(),
                                "accountId", ACCOUNT,
                                "userName", roleName),
                        "webIdFederationData",
                            federatedProvider == null
                                ? J.o()
                                : J.o("federatedProvider", federatedProvider, "attributes", J.o()),
                        "attributes",
                            J.o(
                                "creationDate", Times.iso(session.created),
                                "mfaAuthenticated", mfa ? "true" : "false")));
        break;
      case IAM_USER:
        id =
            J.o(
                "type", "IAMUser",
                "principalId", userId,
                "arn", arn(t),
                "accountId", ACCOUNT,
                "accessKeyId", console ? session.keyId : longTermKey,
                "userName", userName);
        if (!console && longTermKey == null) {
          id.remove("accessKeyId"); // a password sign-in uses no key
        }
        if (console) {
          id.set(
              "sessionContext",
              J.o(
                  "sessionIssuer", J.o(),
                  "webIdFederationData", J.o(),
                  "attributes",
                      J.o(
                          "creationDate", Times.iso(session.created),
                          "mfaAuthenticated", mfa ? "true" : "false")));
        }
        break;
      case AWS_SERVICE:
        return J.o("type", "AWSService", "invokedBy", invokedBy);
      case AWS_ACCOUNT:
        return J.o("type", "AWSAccount", "principalId", principalId, "accountId", FOREIGN_ACCOUNT);
      case WEB_IDENTITY:
        return J.o(
            "type", "WebIdentityUser",
            "principalId", principalId,
            "userName", userName,
            "identityProvider", identityProvider);
      case ROOT:
        return J.o(
            "type", "Root",
            "principalId", ACCOUNT,
            "arn", "arn:aws:iam::" + ACCOUNT + ":root",
            "accountId", ACCOUNT,
            "accessKeyId", "");
      case SAML_USER:
        return J.o(
            "type", "SAMLUser",
            "principalId", principalId,
            "userName", userName,
            "identityProvider", identityProvider);
      case INTERNAL:
      default:
        return J.o("accountId", ACCOUNT, "invokedBy", invokedBy);
    }
    if (invokedBy != null) {
      id.put("invokedBy", invokedBy);
    }
    return id;
  }
}
