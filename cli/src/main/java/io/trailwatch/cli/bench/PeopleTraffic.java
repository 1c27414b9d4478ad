package io.trailwatch.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What people do: Identity Center console sign-ins (with {@code MFAUsed "No"}, which is how CloudTrail
 * records every federated sign-in, trap D4), an IAM user signing in with MFA and rotating their own access
 * key (no {@code userName}: self-service, trap D7), everyday changes (tags, stopping a dev instance, a
 * dashboard, opening HTTPS on a load balancer, a database port to the VPC, a read-only policy for an
 * on-call role) and calls their permission set does not allow (AccessDenied, trap D6).
 *
 * <p>None of these is an incident; each is the near miss a naive rule flags.
 */
final class PeopleTraffic extends Traffic {
  PeopleTraffic(Rng rng, Cast cast) {
    super(rng, cast);
  }

  @Override
  Mix mix() {
    return new Mix()
        .human(2.2, this::ssoSignIn)
        .human(0.4, this::iamUserSignIn)
        .human(0.15, this::keyRotation)
        .human(0.15, now -> List.of(t -> Rec.call(cast.kimConsole, "iam", "ChangePassword", "us-east-1")))
        .human(1.5, now -> List.of(this::createTags))
        .human(0.6, now -> List.of(this::stopOrStartDevInstance))
        .human(0.8, now -> List.of(this::tagBucket))
        .human(0.7, now -> List.of(this::dashboard))
        .human(0.3, now -> List.of(t -> {
          Estate.Site s = rng.chance(0.5) ? Estate.US : Estate.EU;
          return sgIngress(cast.writer().cli(), s, s.albSecurityGroup(), "tcp", 443, 443, "0.0.0.0/0", null,
              "public HTTPS");
        }))
        .human(0.3, now -> List.of(t -> {
          Estate.Site s = Estate.site(rng);
          return sgIngress(cast.writer().console(), s, s.dbSecurityGroup(), "tcp", 5432, 5432,
              s == Estate.EU ? "10.1.0.0/16" : "10.0.0.0/16", null, "postgres from the VPC");
        }))
        .human(0.4, now -> List.of(this::revokeIngress))
        .human(0.6, now -> List.of(this::readOnlyPolicy))
        .human(0.1, now -> List.of(t -> Rec.call(cast.admin().cli(), "rds", "CreateDBClusterSnapshot", "us-east-1")
            .req(J.o("dBClusterSnapshotIdentifier", "orders-prod-before-maintenance-" + rng.hex(6),
                "dBClusterIdentifier", "orders-prod-cluster"))
            .resp(J.o("dBClusterSnapshotIdentifier", "orders-prod-before-maintenance", "status", "creating",
                "engine", "aurora-postgresql", "storageEncrypted", true, "snapshotType", "manual"))))
        .human(3.5, now -> List.of(this::deniedCall));
  }

  /** Identity Center hand-off: AssumeRoleWithSAML, ConsoleLogin, then a few console page loads. */
  private List<Mix.Draft> ssoSignIn(Instant now) {
    Cast.SsoUser u = cast.someone();
    List<Mix.Draft> out = new ArrayList<>();
    out.add(t -> {
      Caller role = u.console();
      ObjectNode resp = credentials(t, role);
      resp.put("packedPolicySize", 1);
      resp.put("subject", u.email());
      resp.put("subjectType", "persistent");
      resp.put("issuer", "https://portal.sso.us-east-1.amazonaws.com/saml/assertion/MTExMTIyMjIzMzMzX2lucy0xYTJiM2M0ZDVlNmY3YThi");
      resp.put("audience", "https://signin.aws.amazon.com/saml");
      resp.put("nameQualifier", "kB3xY9pQ2mVhWq0rT5uZcNe8sLw=");
      return Rec.call(u.saml(), "sts", "AssumeRoleWithSAML", "us-east-1").read()
          .req(J.o("sAMLAssertionID", "_" + rng.uuid(), "roleSessionName", u.email(),
              "principalArn", Cast.SAML_PROVIDER, "roleArn", role.roleArn(), "durationSeconds", 43200))
          .resp(resp)
          .resource("AWS::IAM::Role", role.roleArn())
          .resource("AWS::IAM::SAMLProvider", Cast.SAML_PROVIDER);
    });
    out.add(t -> Rec.call(u.signIn(), "signin", "ConsoleLogin", "us-east-1").signIn()
        .resp(J.o("ConsoleLogin", "Success"))
        .extra(J.o("LoginTo", "https://console.aws.amazon.com/console/home?region=us-east-1&state=hashArgs"
            + "%23&isauthcode=true", "MobileVersion", "No", "MFAUsed", "No")));
    int pages = rng.between(2, 5);
    for (int i = 0; i < pages; i++) {
      out.add(t -> consolePage(u.console()));
    }
    return out;
  }

  private List<Mix.Draft> iamUserSignIn(Instant now) {
    List<Mix.Draft> out = new ArrayList<>();
    out.add(t -> {
      cast.kimConsole.startSession(t);
      return Rec.call(cast.kimSignIn, "signin", "ConsoleLogin", "us-east-1").signIn()
        .resp(J.o("ConsoleLogin", "Success"))
        .extra(J.o("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true"
            + "&state=hashArgsFromTB_us-east-1_" + rng.hex(16), "MobileVersion", "No",
            "MFAIdentifier", "arn:aws:iam::111122223333:mfa/kim.oduya", "MFAUsed", "Yes"));
    });
    int pages = rng.between(1, 3);
    for (int i = 0; i < pages; i++) {
      out.add(t -> consolePage(cast.kimConsole));
    }
    return out;
  }

  /** A console page load: the reads the console makes for the signed-in user. */
  private Rec consolePage(Caller c) {
    Estate.Site s = Estate.site(rng);
    return switch (rng.nextInt(6)) {
      case 0 -> Rec.call(c, "ec2", "DescribeInstances", s.region()).read()
          .req(J.o("instancesSet", J.o(), "filterSet", J.o(), "maxResults", 1000));
      case 1 -> Rec.call(c, "s3", "ListBuckets", "us-east-1").read().req(J.o("Host", "s3.amazonaws.com")).s3();
      case 2 -> Rec.call(c, "monitoring", "DescribeAlarms", s.region()).read().req(J.o("maxRecords", 100));
      case 3 -> Rec.call(c, "lambda", "ListFunctions20150331", s.region()).read().req(J.o("maxItems", 50));
      case 4 -> Rec.call(c, "cloudformation", "DescribeStacks", s.region()).read();
      default -> Rec.call(c, "ecs", "ListServices", s.region()).read().req(J.o("cluster", s.cluster()));
    };
  }

  /** kim.oduya rotates their own key: no userName anywhere, so the target is the caller. */
  private List<Mix.Draft> keyRotation(Instant now) {
    Caller kim = cast.kim;
    String newKey = "AKIA" + rng.idChars(16);
    String oldKey = "AKIA" + rng.idChars(16);
    List<Mix.Draft> out = new ArrayList<>();
    out.add(t -> Rec.call(kim, "iam", "ListAccessKeys", "us-east-1").read());
    out.add(t -> Rec.call(kim, "iam", "CreateAccessKey", "us-east-1")
        .resp(J.o("accessKey", J.o("userName", "kim.oduya", "accessKeyId", newKey, "status", "Active",
            "createDate", Times.iam(t)))));
    out.add(t -> Rec.call(kim, "iam", "UpdateAccessKey", "us-east-1")
        .req(J.o("accessKeyId", oldKey, "status", "Inactive")));
    out.add(t -> Rec.call(kim, "iam", "DeleteAccessKey", "us-east-1").req(J.o("accessKeyId", oldKey)));
    return out;
  }

  private Rec createTags(Instant t) {
    Cast.SsoUser u = cast.writer();
    Estate.Site s = Estate.site(rng);
    String owner = u.email().substring(0, u.email().indexOf('.'));
    return Rec.call(rng.chance(0.6) ? u.console() : u.cli(), "ec2", "CreateTags", s.region())
        .req(J.o("resourcesSet", J.items(J.o("resourceId", rng.pick(s.instances()))),
            "tagSet", J.items(J.o("key", rng.pick("Owner", "Team", "CostCenter", "Schedule"), "value",
                rng.pick(owner, "orders", "platform", "office-hours")))))
        .resp(J.o("requestId", rng.uuid(), "_return", true));
  }

  private Rec stopOrStartDevInstance(Instant t) {
    Caller c = rng.chance(0.7) ? cast.ssoUsers.get(3).cli() : cast.ssoUsers.get(1).console();
    String id = Estate.EU.instances().get(1);
    boolean stop = rng.chance(0.5);
    ObjectNode state = stop
        ? J.o("instanceId", id, "currentState", J.o("code", 64, "name", "stopping"),
            "previousState", J.o("code", 16, "name", "running"))
        : J.o("instanceId", id, "currentState", J.o("code", 0, "name", "pending"),
            "previousState", J.o("code", 80, "name", "stopped"));
    ObjectNode req = J.o("instancesSet", J.items(J.o("instanceId", id)));
    if (stop) {
      req.put("force", false);
    }
    return Rec.call(c, "ec2", stop ? "StopInstances" : "StartInstances", "eu-west-1")
        .req(req)
        .resp(J.o("requestId", rng.uuid(), "instancesSet", J.items(state)));
  }

  private Rec tagBucket(Instant t) {
    Cast.SsoUser u = cast.writer();
    String bucket = anyBucket();
    return s3(u.console(), "PutBucketTagging", bucket, "tagging", false)
        .req(J.o("bucketName", bucket, "Host", bucket + ".s3." + bucketRegion(bucket) + ".amazonaws.com",
            "tagging", "", "Tagging", J.o("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/", "TagSet",
                J.o("Tag", J.a(J.o("Key", "cost-center", "Value", rng.pick("orders", "data", "platform")),
                    J.o("Key", "data-classification", "Value", rng.pick("internal", "confidential")))))));
  }

  private Rec dashboard(Instant t) {
    Estate.Site s = Estate.site(rng);
    String name = rng.pick("orders-api-latency", "checkout-funnel", "lambda-errors", "rds-health");
    return Rec.call(cast.writer().console(), "monitoring", "PutDashboard", s.region())
        .req(J.o("dashboardName", name, "dashboardBody", "{\"widgets\":[{\"type\":\"metric\",\"x\":0,\"y\":0,"
            + "\"width\":12,\"height\":6,\"properties\":{\"metrics\":[[\"AWS/ApplicationELB\","
            + "\"TargetResponseTime\"]],\"region\":\"" + s.region() + "\",\"stat\":\"p99\"}}]}"))
        .resp(J.o("dashboardValidationMessages", J.a()));
  }

  private Rec revokeIngress(Instant t) {
    Estate.Site s = Estate.site(rng);
    Caller c = cast.writer().cli();
    return Rec.call(c, "ec2", "RevokeSecurityGroupIngress", s.region())
        .req(J.o("groupId", s.dbSecurityGroup(), "ipPermissions", J.items(J.o("ipProtocol", "tcp",
            "fromPort", 5432, "toPort", 5432, "groups", J.o(),
            "ipRanges", J.items(J.o("cidrIp", "10.0.99.0/24")), "ipv6Ranges", J.o(), "prefixListIds", J.o()))))
        .resp(J.o("requestId", rng.uuid(), "_return", true));
  }

  /** The admin grants an on-call or auditor role a read-only AWS managed policy. */
  private Rec readOnlyPolicy(Instant t) {
    Caller c = rng.chance(0.5) ? cast.admin().console() : cast.admin().cli();
    String policy = rng.pick("arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "arn:aws:iam::aws:policy/SecurityAudit");
    return Rec.call(c, "iam", "AttachRolePolicy", "us-east-1")
        .req(J.o("roleName", rng.pick("oncall-readonly", "external-auditor"), "policyArn", policy));
  }

  /** A call the person's permission set does not allow, refused by IAM. */
  private Rec deniedCall(Instant t) {
    Estate.Site s = Estate.site(rng);
    Cast.SsoUser reader = rng.chance(0.6) ? cast.ssoUsers.get(2) : cast.ssoUsers.get(4);
    Cast.SsoUser dev = cast.ssoUsers.get(3);
    switch (rng.nextInt(8)) {
      case 0: {
        String id = rng.pick(s.instances());
        return Rec.call(reader.console(), "ec2", "StopInstances", s.region())
            .req(J.o("instancesSet", J.items(J.o("instanceId", id)), "force", false))
            .denied(s.instanceArn(id));
      }
      case 1: {
        String bucket = anyBucket();
        return s3(reader.console(), "PutBucketTagging", bucket, "tagging", false).denied(null);
      }
      case 2:
        return Rec.call(reader.cli(), "ecs", "UpdateService", s.region())
            .req(J.o("cluster", s.cluster(), "service", rng.pick(s.services()), "forceNewDeployment", true))
            .denied(s.clusterArn().replace(":cluster/", ":service/") + "/" + s.services().get(0));
      case 3: {
        String secret = rng.pick(s.secrets());
        return Rec.call(dev.cli(), "secretsmanager", "GetSecretValue", s.region()).read()
            .req(J.o("secretId", secret.substring(0, secret.lastIndexOf('-'))))
            .denied(s.secretArn(secret));
      }
      case 4: {
        String p = s.parameters().get(0);
        return Rec.call(dev.cli(), "ssm", "PutParameter", s.region())
            .req(J.o("name", p, "type", "String", "overwrite", true))
            .denied(s.parameterArn(p));
      }
      case 5:
        return Rec.call(cast.jenkins, "ecr", "PutImage", "us-east-1")
            .req(J.o("repositoryName", "checkout-web", "imageTag", "legacy-" + rng.between(100, 999),
                "registryId", Caller.ACCOUNT))
            .denied("arn:aws:ecr:us-east-1:111122223333:repository/checkout-web");
      case 6: {
        String key = keyArn(s);
        return Rec.call(dev.cli(), "kms", "Decrypt", s.region()).read()
            .req(J.o("encryptionAlgorithm", "SYMMETRIC_DEFAULT"))
            .resource("AWS::KMS::Key", key)
            .denied(key);
      }
      default:
        return Rec.call(reader.console(), "rds", "RebootDBInstance", s.region())
            .req(J.o("dBInstanceIdentifier", rng.pick(s.dbInstances())))
            .denied("arn:aws:rds:" + s.region() + ":111122223333:db:" + s.dbInstances().get(0));
    }
  }
}
