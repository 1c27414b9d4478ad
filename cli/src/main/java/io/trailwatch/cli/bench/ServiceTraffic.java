package io.trailwatch.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What AWS services do in the account on their own or on a workload's behalf: credentials for Lambda, ECS
 * and EC2 (AssumeRole by the service principal), KMS calls made for S3, Secrets Manager, SSM and DynamoDB
 * (with {@code invokedBy}, arriving in storms), log streams, the SSM agent's heartbeat, scaling, backups,
 * secret rotation and key rotation (AwsServiceEvent records).
 *
 * <p>Why it matters for detection: these records are anchor traps D1 and D2. They are change-shaped
 * (AssumeRole, CreateLogStream, UpdateService, RunInstances) yet made by AWS, and a rule that does not look
 * at {@code userIdentity.type}, {@code invokedBy} or {@code eventType} drowns in them.
 */
final class ServiceTraffic extends Traffic {
  private final List<Caller> logWorkers;

  ServiceTraffic(Rng rng, Cast cast) {
    super(rng, cast);
    logWorkers = new ArrayList<>();
    for (Caller fn : List.of(cast.invoiceFn, cast.reportFn, cast.gdprFn)) {
      logWorkers.add(fn.seenAs(UserAgents.Family.LAMBDA_WORKER, "").from("198.51.100.61", "198.51.100.62"));
    }
  }

  @Override
  Mix mix() {
    Mix m = new Mix();
    m.one(6, this::serviceAssumeRole);
    m.one(0.5, this::vendorAssumeRole);
    m.add(3.5, this::kmsStorm);
    m.one(3, t -> {
      Caller c = rng.pick(logWorkers);
      Estate.Site s = c.roleName().startsWith("gdpr") ? Estate.EU : Estate.US;
      String fn = c.roleName().replace("-role", "");
      return Rec.call(c, "logs", "CreateLogStream", s.region())
          .req(J.o("logGroupName", "/aws/lambda/" + fn, "logStreamName",
              dateOf(t) + "/[$LATEST]" + rng.hex(32)));
    });
    m.one(3, t -> {
      Caller c = rng.pick(cast.webInstances);
      String ip = "10.0." + (12 + c.name().charAt(3) % 4) + "." + (20 + c.name().charAt(5) % 200);
      return Rec.call(c, "ssm", "UpdateInstanceInformation", "us-east-1")
          .req(J.o("instanceId", c.name(), "agentVersion", "3.3.40.0", "agentStatus", "Active",
              "platformType", "Linux", "platformName", "Amazon Linux", "platformVersion", "2023",
              "iPAddress", ip, "computerName", "ip-" + ip.replace('.', '-') + ".ec2.internal",
              "agentName", "amazon-ssm-agent", "availabilityZone", "us-east-1a",
              "availabilityZoneId", "use1-az4", "sSMConnectionChannel", "ssmmessages"));
    });
    m.one(0.6, t -> {
      Estate.Site s = Estate.site(rng);
      String tg = s.loadBalancer().replace(":loadbalancer/app/", ":targetgroup/")
          .replaceAll("/[0-9a-f]+$", "-tg/3c5e7a9b1d2f4a6c");
      String name = rng.chance(0.5) ? "RegisterTargets" : "DeregisterTargets";
      return Rec.call(cast.ecsScheduler, "elasticloadbalancing", name, s.region())
          .req(J.o("targetGroupArn", tg, "targets", J.a(J.o("id", "10.0.13." + rng.between(10, 250),
              "port", 8080))));
    });
    m.one(0.4, t -> {
      Estate.Site s = Estate.site(rng);
      return Rec.call(cast.ecsScheduler, "ec2", "CreateNetworkInterface", s.region())
          .req(J.o("subnetId", rng.pick(s.subnets()), "description",
              "arn:aws:ecs:" + s.region() + ":111122223333:attachment/" + rng.uuid(),
              "groupSet", J.items(J.o("groupId", s.securityGroups().get(1))), "privateIpAddressesSet", J.o(),
              "ipv6AddressCount", 0))
          .resp(J.o("requestId", rng.uuid(), "networkInterface", J.o(
              "networkInterfaceId", "eni-0" + rng.hex(16), "subnetId", s.subnets().get(0), "vpcId", s.vpc(),
              "ownerId", Caller.ACCOUNT, "requesterId", "578734482556", "requesterManaged", true,
              "status", "pending", "privateIpAddress", "10.0.13." + rng.between(10, 250),
              "sourceDestCheck", true, "interfaceType", "interface")));
    });
    m.one(0.4, t -> {
      Estate.Site s = Estate.site(rng);
      return Rec.call(cast.ecsScheduler, "ec2", "DeleteNetworkInterface", s.region())
          .req(J.o("networkInterfaceId", "eni-0" + rng.hex(16)))
          .resp(J.o("requestId", rng.uuid(), "_return", true));
    });
    m.one(0.5, t -> {
      Estate.Site s = Estate.site(rng);
      String service = rng.pick(s.services());
      int desired = rng.between(2, 8);
      return Rec.call(cast.appAutoScaling, "ecs", "UpdateService", s.region())
          .req(J.o("cluster", s.cluster(), "service", service, "desiredCount", desired))
          .resp(J.o("service", J.o("serviceArn", s.clusterArn().replace(":cluster/", ":service/") + "/" + service,
              "serviceName", service, "clusterArn", s.clusterArn(), "status", "ACTIVE",
              "desiredCount", desired, "runningCount", desired - 1, "pendingCount", 0, "launchType", "FARGATE")));
    });
    m.one(0.25, this::runInstance);
    m.one(0.25, t -> Rec.call(cast.autoScaling, "ec2", "TerminateInstances", "us-east-1")
        .req(J.o("instancesSet", J.items(J.o("instanceId", "i-0" + rng.hex(16)))))
        .resp(J.o("requestId", rng.uuid(), "instancesSet", J.items(J.o("instanceId", "i-0" + rng.hex(16),
            "currentState", J.o("code", 32, "name", "shutting-down"),
            "previousState", J.o("code", 16, "name", "running"))))));
    m.one(0.2, t -> {
      Estate.Site s = Estate.site(rng);
      String vol = "vol-0" + rng.hex(16);
      return Rec.call(cast.backup, "ec2", "CreateSnapshot", s.region())
          .req(J.o("volumeId", vol, "description", "This snapshot is created by the AWS Backup service.",
              "tagSpecificationSet", J.items(J.o("resourceType", "snapshot", "tags",
                  J.items(J.o("key", "aws:backup:source-resource", "value", vol))))))
          .resp(J.o("requestId", rng.uuid(), "snapshotId", "snap-0" + rng.hex(16), "volumeId", vol,
              "status", "pending", "startTime", Times.millis(t), "progress", "", "ownerId", Caller.ACCOUNT,
              "volumeSize", 100, "encrypted", true, "kmsKeyId", keyArn(s)));
    });
    m.add(0.12, this::secretRotation);
    m.one(0.12, t -> {
      Estate.Site s = Estate.site(rng);
      String key = rng.pick(s.keys());
      return Rec.call(cast.internal, "kms", "RotateKey", s.region())
          .resource("AWS::KMS::Key", s.keyArn(key))
          .serviceEvent(J.o("keyId", key));
    });
    return m;
  }

  private Rec serviceAssumeRole(Instant t) {
    double r = rng.nextDouble();
    Caller role;
    String host;
    String region;
    if (r < 0.45) {
      role = rng.pick(cast.invoiceFn, cast.reportFn, cast.gdprFn, cast.rotationFn);
      host = "lambda.amazonaws.com";
      region = role == cast.gdprFn ? "eu-west-1" : "us-east-1";
    } else if (r < 0.75) {
      role = cast.ordersTask;
      host = "ecs-tasks.amazonaws.com";
      region = rng.chance(0.7) ? "us-east-1" : "eu-west-1";
    } else if (r < 0.9) {
      role = rng.pick(cast.webInstances);
      host = "ec2.amazonaws.com";
      region = "us-east-1";
    } else {
      role = cast.configRecorder;
      host = "config.amazonaws.com";
      region = rng.chance(0.7) ? "us-east-1" : "eu-west-1";
    }
    return assumeRole(cast.service(host), role, region, t, null);
  }

  private Rec vendorAssumeRole(Instant t) {
    return assumeRole(cast.datadogAccount, cast.datadog, "us-east-1", t, "dd-" + rng.hex(24));
  }

  /** sts:AssumeRole as CloudTrail records it in the account that owns the role. */
  Rec assumeRole(Caller caller, Caller role, String region, Instant t, String externalId) {
    ObjectNode resp = credentials(t, role);
    ObjectNode req = J.o("roleArn", role.roleArn(), "roleSessionName", role.name());
    if (externalId != null) {
      req.put("externalId", externalId);
      req.put("durationSeconds", 3600);
    }
    return Rec.call(caller, "sts", "AssumeRole", region).read()
        .req(req)
        .resp(resp)
        .resource("AWS::IAM::Role", role.roleArn())
        .sharedEventId();
  }

  /**
   * A burst of KMS calls made for a workload by the service it called: S3 writing objects, Secrets Manager
   * and SSM decrypting values, DynamoDB and CloudWatch Logs using table and log-group keys.
   */
  private List<Mix.Draft> kmsStorm(Instant now) {
    int n = rng.between(3, 9);
    int kind = rng.nextInt(6);
    Estate.Site s = kind == 5 ? Estate.EU : Estate.site(rng);
    Caller base = s == Estate.EU ? cast.gdprFn : rng.pick(cast.ordersTask, cast.invoiceFn, cast.reportFn);
    String key = keyArn(s);
    List<Mix.Draft> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(t -> {
        Caller c;
        String name = "Decrypt";
        ObjectNode context;
        switch (kind) {
          case 0 -> {
            c = base.via("secretsmanager.amazonaws.com");
            String secret = rng.pick(s.secrets());
            context = J.o("SecretARN", s.secretArn(secret), "SecretVersionId", rng.uuid());
          }
          case 1 -> {
            c = base.via("ssm.amazonaws.com");
            context = J.o("PARAMETER_ARN", s.parameterArn(rng.pick(s.parameters())));
          }
          case 2 -> {
            c = base.via("dynamodb.amazonaws.com");
            name = rng.chance(0.3) ? "GenerateDataKey" : "Decrypt";
            context = J.o("aws:dynamodb:tableName", rng.pick(s.tables()), "aws:dynamodb:subscriberId",
                Caller.ACCOUNT);
          }
          case 3 -> {
            c = cast.service("logs.amazonaws.com");
            name = rng.chance(0.6) ? "GenerateDataKey" : "Decrypt";
            context = J.o("aws:logs:arn", "arn:aws:logs:" + s.region() + ":111122223333:log-group:/aws/lambda/"
                + rng.pick(s.functions()));
          }
          default -> {
            c = base.via("s3.amazonaws.com");
            name = rng.chance(0.5) ? "GenerateDataKey" : "Decrypt";
            String bucket = rng.pick(s.buckets());
            context = J.o("aws:s3:arn", "arn:aws:s3:::" + bucket + "/" + rng.pick("incoming", "reports",
                "exports", "thumbnails") + "/" + dateOf(t) + "/" + rng.hex(12) + ".json");
          }
        }
        ObjectNode req = "Decrypt".equals(name)
            ? J.o("encryptionContext", context, "encryptionAlgorithm", "SYMMETRIC_DEFAULT")
            : J.o("keyId", key, "encryptionContext", context, "keySpec", "AES_256");
        return Rec.call(c, "kms", name, s.region()).read().req(req).resource("AWS::KMS::Key", key);
      });
    }
    return out;
  }

  private Rec runInstance(Instant t) {
    String id = "i-0" + rng.hex(16);
    String ip = "10.0.12." + rng.between(10, 250);
    return Rec.call(cast.autoScaling, "ec2", "RunInstances", "us-east-1")
        .req(J.o(
            "instancesSet", J.items(J.o("minCount", 1, "maxCount", 1)),
            "launchTemplate", J.o("launchTemplateId", "lt-0a1b2c3d4e5f60718", "version", "7"),
            "subnetId", rng.pick(Estate.US.subnets()),
            "availabilityZone", "us-east-1a",
            "monitoring", J.o("enabled", false),
            "disableApiTermination", false,
            "disableApiStop", false,
            "clientToken", "fleet-" + rng.uuid(),
            "tagSpecificationSet", J.items(J.o("resourceType", "instance", "tags",
                J.items(J.o("key", "aws:autoscaling:groupName", "value", "web-asg"))))))
        .resp(J.o(
            "requestId", rng.uuid(),
            "reservationId", "r-0" + rng.hex(16),
            "ownerId", Caller.ACCOUNT,
            "requesterId", "940372691376",
            "groupSet", J.o(),
            "instancesSet", J.items(J.o(
                "instanceId", id,
                "imageId", "ami-0c101f26f147fa7fd",
                "instanceState", J.o("code", 0, "name", "pending"),
                "privateDnsName", "ip-" + ip.replace('.', '-') + ".ec2.internal",
                "amiLaunchIndex", 0,
                "productCodes", J.o(),
                "instanceType", "m7g.large",
                "launchTime", t.toEpochMilli(),
                "placement", J.o("availabilityZone", "us-east-1a", "tenancy", "default"),
                "monitoring", J.o("state", "disabled"),
                "subnetId", Estate.US.subnets().get(0),
                "vpcId", Estate.US.vpc(),
                "privateIpAddress", ip,
                "stateReason", J.o("code", "pending", "message", "pending"),
                "architecture", "arm64",
                "rootDeviceType", "ebs",
                "rootDeviceName", "/dev/xvda",
                "groupSet", J.items(J.o("groupId", "sg-0d4e5f60718293041", "groupName", "web-asg-instances")),
                "iamInstanceProfile", J.o("arn", "arn:aws:iam::111122223333:instance-profile/web-asg-instance-profile",
                    "id", "AIPAXGY4DBP7QA5EFE6QE"),
                "metadataOptions", J.o("state", "pending", "httpTokens", "required", "httpPutResponseHopLimit", 2,
                    "httpEndpoint", "enabled")))));
  }

  /** Secrets Manager rotating a database secret through its rotation function. */
  private List<Mix.Draft> secretRotation(Instant now) {
    Estate.Site s = Estate.US;
    String secret = s.secretArn(s.secrets().get(0));
    String version = rng.uuid();
    Caller sm = cast.internal("secretsmanager.amazonaws.com");
    List<Mix.Draft> out = new ArrayList<>();
    out.add(t -> Rec.call(sm, "secretsmanager", "RotationStarted", s.region())
        .extra(J.o("SecretId", secret)).serviceEvent(null));
    out.add(t -> Rec.call(cast.rotationFn, "secretsmanager", "GetSecretValue", s.region()).read()
        .req(J.o("secretId", secret, "versionStage", "AWSCURRENT")));
    out.add(t -> Rec.call(cast.rotationFn, "secretsmanager", "PutSecretValue", s.region())
        .req(J.o("secretId", secret, "clientRequestToken", version, "versionStages", J.a("AWSPENDING")))
        .resp(J.o("arn", secret, "name", s.secrets().get(0), "versionId", version,
            "versionStages", J.a("AWSPENDING"))));
    out.add(t -> Rec.call(cast.rotationFn, "secretsmanager", "UpdateSecretVersionStage", s.region())
        .req(J.o("secretId", secret, "versionStage", "AWSCURRENT", "moveToVersionId", version,
            "removeFromVersionId", rng.uuid()))
        .resp(J.o("arn", secret, "name", s.secrets().get(0))));
    out.add(t -> Rec.call(sm, "secretsmanager", "RotationSucceeded", s.region())
        .extra(J.o("SecretId", secret)).serviceEvent(null));
    return out;
  }

  static String dateOf(Instant t) {
    String iso = Times.iso(t);
    return iso.substring(0, 4) + "/" + iso.substring(5, 7) + "/" + iso.substring(8, 10);
  }
}
