package io.trailwatch.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The security-relevant share of the benchmark: calls a detection rule has to look at closely. About half
 * should fire a rule (a person stopping the trail, AdministratorAccess attached, SSH open to the world, an
 * access key or console password made for someone else, a public bucket policy, Lambda code changed by hand,
 * root signing in, MFA removed, a key scheduled for deletion...); the other half are their near misses (the
 * same call denied, read-only policies, port 443, a private CIDR, self-service keys, an organization-only
 * policy, the pipeline deploying).
 *
 * <p>Why both: a benchmark of nothing but benign traffic measures only the fast path where no pattern
 * matches; conditions, title rendering and deduplication run only for candidates. This family is used only
 * when the generator's {@code securityFraction} is above zero, never for the benign baseline.
 */
final class SecurityTraffic extends Traffic {
  private static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail";
  private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

  private final PipelineTraffic pipeline;

  SecurityTraffic(Rng rng, Cast cast, PipelineTraffic pipeline) {
    super(rng, cast);
    this.pipeline = pipeline;
  }

  @Override
  Mix mix() {
    Mix m = new Mix();
    // Should fire.
    m.one(1, t -> Rec.call(cast.admin().cli(), "cloudtrail", "StopLogging", "us-east-1").req(J.o("name", TRAIL)));
    m.one(0.5, t -> Rec.call(cast.kim, "cloudtrail", "DeleteTrail", "us-east-1").req(J.o("name", TRAIL)));
    m.one(1, t -> Rec.call(cast.writer().cli(), "iam", "AttachUserPolicy", "us-east-1")
        .req(J.o("userName", "kim.oduya", "policyArn", ADMIN)));
    m.one(0.5, t -> Rec.call(cast.admin().console(), "iam", "PutUserPolicy", "us-east-1")
        .req(J.o("userName", "jenkins-legacy", "policyName", "tmp-fix", "policyDocument",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")));
    m.one(1, t -> {
      Estate.Site s = Estate.site(rng);
      return sgIngress(cast.writer().cli(), s, rng.pick(s.securityGroups()), "tcp", 22, 22, "0.0.0.0/0", null,
          "temp ssh");
    });
    m.one(0.5, t -> {
      Estate.Site s = Estate.site(rng);
      return sgIngress(cast.writer().console(), s, rng.pick(s.securityGroups()), "-1", -1, -1, "0.0.0.0/0",
          "::/0", "debug");
    });
    m.one(1, t -> Rec.call(cast.admin().console(), "iam", "CreateAccessKey", "us-east-1")
        .req(J.o("userName", "jenkins-legacy"))
        .resp(J.o("accessKey", J.o("userName", "jenkins-legacy", "accessKeyId", "AKIA" + rng.idChars(16),
            "status", "Active", "createDate", Times.iam(t)))));
    m.one(0.5, t -> Rec.call(cast.admin().cli(), "iam", "CreateLoginProfile", "us-east-1")
        .req(J.o("userName", "jenkins-legacy", "passwordResetRequired", false))
        .resp(J.o("loginProfile", J.o("userName", "jenkins-legacy", "createDate", Times.iam(t),
            "passwordResetRequired", false))));
    m.one(1, t -> publicBucketPolicy(cast.writer().console(), null));
    m.one(1, t -> {
      Estate.Site s = Estate.site(rng);
      return pipeline.updateFunctionCode(cast.writer().cli(), s, rng.pick(s.functions()), rng.hex(40), t);
    });
    m.one(0.5, t -> rootSignIn());
    m.one(0.5, t -> Rec.call(cast.admin().console(), "iam", "DeactivateMFADevice", "us-east-1")
        .req(J.o("userName", "kim.oduya", "serialNumber", "arn:aws:iam::111122223333:mfa/kim.oduya")));
    m.one(0.5, t -> {
      Estate.Site s = Estate.site(rng);
      String key = keyArn(s);
      return Rec.call(cast.writer().cli(), "kms", "ScheduleKeyDeletion", s.region())
          .req(J.o("keyId", key, "pendingWindowInDays", 7))
          .resp(J.o("keyId", key, "deletionDate", Times.sts(t.plusSeconds(7 * 86400)), "keyState",
              "PendingDeletion", "pendingWindowInDays", 7))
          .resource("AWS::KMS::Key", key);
    });
    m.one(0.3, t -> {
      Estate.Site s = Estate.site(rng);
      return Rec.call(cast.writer().cli(), "ec2", "ModifySnapshotAttribute", s.region())
          .req(J.o("snapshotId", "snap-0" + rng.hex(16), "createVolumePermission",
              J.o("add", J.items(J.o("group", "all"))), "attributeType", "CREATE_VOLUME_PERMISSION"))
          .resp(J.o("requestId", rng.uuid(), "_return", true));
    });
    m.one(0.3, t -> Rec.call(cast.admin().cli(), "guardduty", "DeleteDetector", Estate.site(rng).region())
        .req(J.o("detectorId", "12abc34d567e8fa901bc2d34e56789f0")));
    m.one(0.3, t -> Rec.call(cast.admin().cli(), "config", "StopConfigurationRecorder", Estate.site(rng).region())
        .req(J.o("configurationRecorderName", "default")));
    m.one(0.3, t -> {
      Estate.Site s = Estate.site(rng);
      return Rec.call(cast.writer().cli(), "ec2", "CreateRoute", s.region())
          .req(J.o("routeTableId", "rtb-0" + rng.hex(16), "destinationCidrBlock", "0.0.0.0/0",
              "gatewayId", "igw-0" + rng.hex(16)))
          .resp(J.o("requestId", rng.uuid(), "_return", true));
    });
    m.one(0.3, t -> {
      Estate.Site s = Estate.site(rng);
      return Rec.call(cast.admin().cli(), "secretsmanager", "DeleteSecret", s.region())
          .req(J.o("secretId", s.secretArn(rng.pick(s.secrets())), "forceDeleteWithoutRecovery", true))
          .resp(J.o("arn", s.secretArn(s.secrets().get(0)), "name", s.secrets().get(0), "deletionDate",
              Times.sts(t)));
    });
    m.one(0.3, t -> Rec.call(cast.writer().cli(), "cloudformation", "DeleteStack", "us-east-1")
        .req(J.o("stackName", rng.pick(Estate.US.stacks()))));
    m.one(0.4, t -> Rec.call(cast.kimSignIn, "signin", "ConsoleLogin", "us-east-1").signIn()
        .resp(J.o("ConsoleLogin", "Success"))
        .extra(J.o("LoginTo", "https://console.aws.amazon.com/console/home", "MobileVersion", "No",
            "MFAUsed", "No")));

    // Near misses.
    m.one(1, t -> Rec.call(cast.ssoUsers.get(2).cli(), "cloudtrail", "StopLogging", "us-east-1")
        .req(J.o("name", TRAIL)).denied(TRAIL));
    m.one(0.5, t -> Rec.call(cast.admin().cli(), "cloudtrail", "StartLogging", "us-east-1").req(J.o("name", TRAIL)));
    m.one(1, t -> Rec.call(cast.admin().console(), "iam", "AttachUserPolicy", "us-east-1")
        .req(J.o("userName", "kim.oduya", "policyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess")));
    m.one(0.5, t -> Rec.call(cast.ssoUsers.get(3).cli(), "iam", "AttachUserPolicy", "us-east-1")
        .req(J.o("userName", "kim.oduya", "policyArn", ADMIN)).denied("arn:aws:iam::111122223333:user/kim.oduya"));
    m.one(1, t -> {
      Estate.Site s = Estate.site(rng);
      return sgIngress(cast.writer().cli(), s, s.albSecurityGroup(), "tcp", 443, 443, "0.0.0.0/0", null, "https");
    });
    m.one(0.5, t -> {
      Estate.Site s = Estate.site(rng);
      return sgIngress(cast.writer().cli(), s, rng.pick(s.securityGroups()), "tcp", 22, 22, "10.0.0.0/8", null,
          "ssh from the VPN");
    });
    m.one(1, t -> Rec.call(cast.kim, "iam", "CreateAccessKey", "us-east-1")
        .resp(J.o("accessKey", J.o("userName", "kim.oduya", "accessKeyId", "AKIA" + rng.idChars(16),
            "status", "Active", "createDate", Times.iam(t)))));
    m.one(1, t -> publicBucketPolicy(cast.pipeline.via("cloudformation.amazonaws.com"),
        J.o("StringEquals", J.o("aws:PrincipalOrgID", "o-a1b2c3d4e5"))));
    m.one(1, t -> {
      Estate.Site s = Estate.site(rng);
      return pipeline.updateFunctionCode(rng.chance(0.5) ? cast.pipeline
          : cast.pipeline.via("cloudformation.amazonaws.com"), s, rng.pick(s.functions()), rng.hex(40), t);
    });
    m.one(1, t -> Rec.call(cast.someone().signIn(), "signin", "ConsoleLogin", "us-east-1").signIn()
        .resp(J.o("ConsoleLogin", "Success"))
        .extra(J.o("LoginTo", "https://console.aws.amazon.com/console/home", "MobileVersion", "No",
            "MFAUsed", "No")));
    m.one(0.5, t -> Rec.call(cast.pipeline, "cloudformation", "CreateChangeSet", "us-east-1")
        .req(J.o("stackName", "orders-api-prod", "changeSetName", "deploy-" + rng.hex(7), "changeSetType",
            "UPDATE")));
    m.one(0.3, t -> {
      Estate.Site s = Estate.site(rng);
      String key = keyArn(s);
      return Rec.call(cast.writer().cli(), "kms", "ScheduleKeyDeletion", s.region())
          .req(J.o("keyId", key, "pendingWindowInDays", 30)).resource("AWS::KMS::Key", key).denied(key);
    });
    return m;
  }

  private Rec publicBucketPolicy(Caller caller, ObjectNode condition) {
    String bucket = anyBucket();
    ObjectNode statement = J.o("Sid", "PublicRead", "Effect", "Allow", "Principal", "*", "Action", "s3:GetObject",
        "Resource", "arn:aws:s3:::" + bucket + "/*");
    if (condition != null) {
      statement.set("Condition", condition);
    }
    return s3(caller, "PutBucketPolicy", bucket, "policy", false)
        .req(J.o("bucketPolicy", J.o("Version", "2012-10-17", "Statement", J.a(statement)), "bucketName", bucket,
            "Host", bucket + ".s3." + bucketRegion(bucket) + ".amazonaws.com", "policy", ""));
  }

  private Rec rootSignIn() {
    return Rec.call(cast.root, "signin", "ConsoleLogin", "us-east-1").signIn()
        .resp(J.o("ConsoleLogin", "Success"))
        .extra(J.o("LoginTo", "https://console.aws.amazon.com/console/home", "MobileVersion", "No",
            "MFAUsed", "No"));
  }
}
