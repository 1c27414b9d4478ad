package io.trailwatch.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Read-only calls (Describe, List, Get): the bulk of a busy account's management events.
 *
 * <p>Who reads: a monitoring vendor's crawler and AWS Config describe everything all day, workloads fetch
 * their parameters and secrets, a security scanner sweeps IAM and S3 settings (and collects AccessDenied
 * errors doing it), people browse in the console or the CLI, Terraform plans on pull requests. Request
 * parameters follow each API's CloudTrail shape; read responses are null, as CloudTrail records them.
 */
final class ReadTraffic extends Traffic {
  ReadTraffic(Rng rng, Cast cast) {
    super(rng, cast);
  }

  @Override
  Mix mix() {
    Mix m = new Mix();
    ec2(m);
    s3(m);
    iam(m);
    compute(m);
    monitoring(m);
    config(m);
    other(m);
    return m;
  }

  private void ec2(Mix m) {
    m.one(7, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(4, cast.datadog, 2, cast.configRecorder, 2, ssoConsole(), 1, ssoCli(), 1, cast.planner,
          1, cast.scanner);
      ObjectNode req = rng.chance(0.6)
          ? J.o("instancesSet", J.o(), "filterSet", ec2Filter("instance-state-name", "running", "stopped"))
          : J.o("instancesSet", J.items(J.o("instanceId", rng.pick(s.instances()))), "filterSet", J.o());
      return maybeDenied(Rec.call(c, "ec2", "DescribeInstances", s.region()).read().req(req), c, null);
    });
    m.one(3, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(3, cast.configRecorder, 2, cast.scanner, 1, cast.planner, 1, cast.datadog, 1, ssoConsole());
      ObjectNode req = rng.chance(0.5)
          ? J.o("securityGroupSet", J.o(), "securityGroupIdSet", J.o(), "filterSet", J.o())
          : J.o("securityGroupSet", J.o(), "securityGroupIdSet",
              J.items(J.o("groupId", rng.pick(s.securityGroups()))), "filterSet", J.o());
      return maybeDenied(Rec.call(c, "ec2", "DescribeSecurityGroups", s.region()).read().req(req), c, null);
    });
    m.one(1.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.configRecorder, 1, cast.planner, 1, cast.scanner);
      return Rec.call(c, "ec2", "DescribeVpcs", s.region()).read()
          .req(J.o("vpcSet", J.items(J.o("vpcId", s.vpc())), "filterSet", J.o()));
    });
    m.one(1.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.configRecorder, 1, cast.planner, 1, cast.datadog);
      return Rec.call(c, "ec2", "DescribeSubnets", s.region()).read()
          .req(J.o("subnetSet", J.o(), "filterSet", ec2Filter("vpc-id", s.vpc())));
    });
    m.one(1.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.datadog, 1, cast.configRecorder, 1, cast.backup);
      return Rec.call(c, "ec2", "DescribeVolumes", s.region()).read()
          .req(J.o("volumeSet", J.o(), "filterSet",
              ec2Filter("attachment.instance-id", rng.pick(s.instances()))));
    });
    m.one(1.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.configRecorder, 1, cast.datadog);
      return Rec.call(c, "ec2", "DescribeNetworkInterfaces", s.region()).read()
          .req(J.o("networkInterfaceIdSet", J.o(), "filterSet", ec2Filter("vpc-id", s.vpc())));
    });
    m.one(2, t -> {
      Estate.Site s = Estate.US;
      Caller c = rng.pick(cast.webInstances);
      return Rec.call(c, "ec2", "DescribeTags", s.region()).read()
          .req(J.o("filterSet", ec2Filter("resource-id", c.name())));
    });
    m.one(2, t -> {
      Estate.Site s = Estate.site(rng);
      return Rec.call(cast.datadog, "ec2", "DescribeInstanceStatus", s.region()).read()
          .req(J.o("instancesSet", J.o(), "filterSet", J.o(), "includeAllInstances", true));
    });
    m.one(0.8, t -> {
      Caller c = who(1, cast.datadog, 1, cast.scanner, 1, ssoConsole());
      return Rec.call(c, "ec2", "DescribeRegions", "us-east-1").read()
          .req(J.o("regionSet", J.o(), "allRegions", false));
    });
    m.one(0.8, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.backup, 1, cast.scanner);
      return Rec.call(c, "ec2", "DescribeSnapshots", s.region()).read()
          .req(J.o("snapshotSet", J.o(), "ownersSet", J.items(J.o("owner", "self")), "sharedUsersSet",
              J.o(), "filterSet", J.o()));
    });
  }

  private void s3(Mix m) {
    m.one(1.5, t -> {
      Caller c = who(2, cast.datadog, 1, cast.scanner, 1, ssoConsole(), 1, cast.configRecorder);
      return Rec.call(c, "s3", "ListBuckets", "us-east-1").read()
          .req(J.o("Host", "s3.us-east-1.amazonaws.com")).s3();
    });
    m.one(2.5, t -> {
      String b = anyBucket();
      Caller c = who(2, cast.datadog, 1, cast.scanner, 1, cast.configRecorder, 1, cast.invoiceFn, 1, cast.jenkins);
      return maybeDenied(s3(c, "GetBucketLocation", b, "location", true), c, null);
    });
    m.one(1.5, t -> {
      String b = anyBucket();
      Caller c = who(2, cast.configRecorder, 2, cast.scanner, 1, ssoConsole());
      Rec r = s3(c, "GetBucketPolicy", b, "policy", true);
      if (!Estate.BUCKETS_WITH_POLICY.contains(b)) {
        r.error("NoSuchBucketPolicy", "The bucket policy does not exist");
      }
      return maybeDenied(r, c, null);
    });
    m.one(1.2, t -> {
      Caller c = who(2, cast.configRecorder, 1, cast.scanner);
      return maybeDenied(s3(c, "GetBucketAcl", anyBucket(), "acl", true), c, null);
    });
    m.one(1.0, t -> {
      Caller c = who(2, cast.configRecorder, 1, cast.scanner, 1, cast.datadog);
      return s3(c, "GetBucketTagging", anyBucket(), "tagging", true);
    });
    m.one(1.0, t -> {
      Caller c = who(1, cast.configRecorder, 1, cast.scanner);
      return s3(c, "GetBucketEncryption", anyBucket(), "encryption", true);
    });
    m.one(0.8, t -> {
      Caller c = who(1, cast.configRecorder, 1, cast.scanner, 1, cast.planner);
      return s3(c, "GetBucketVersioning", anyBucket(), "versioning", true);
    });
    m.one(0.8, t -> {
      Caller c = who(1, cast.configRecorder, 2, cast.scanner);
      return s3(c, "GetBucketPublicAccessBlock", anyBucket(), "publicAccessBlock", true);
    });
    m.one(0.6, t -> {
      Caller c = who(1, cast.configRecorder, 1, cast.scanner);
      return s3(c, "GetBucketLogging", anyBucket(), "logging", true);
    });
  }

  private void iam(Mix m) {
    m.one(1.2, t -> {
      Caller c = who(2, cast.scanner, 1, cast.datadog, 1, ssoConsole(), 1, cast.configRecorder);
      return maybeDenied(Rec.call(c, "iam", "ListRoles", "us-east-1").read().req(J.o("maxItems", 1000)), c, null);
    });
    m.one(1.5, t -> {
      Caller c = who(2, cast.scanner, 1, cast.planner, 1, ssoConsole(), 1, cast.configRecorder);
      return Rec.call(c, "iam", "GetRole", "us-east-1").read().req(J.o("roleName", someRole()));
    });
    m.one(1.5, t -> {
      Caller c = who(2, cast.scanner, 1, cast.planner, 1, ssoConsole(), 1, cast.configRecorder);
      return Rec.call(c, "iam", "ListAttachedRolePolicies", "us-east-1").read()
          .req(J.o("roleName", someRole()));
    });
    m.one(0.8, t -> {
      Caller c = who(2, cast.scanner, 1, cast.planner);
      return Rec.call(c, "iam", "ListRolePolicies", "us-east-1").read().req(J.o("roleName", someRole()));
    });
    m.one(0.6, t -> {
      Caller c = who(2, cast.scanner, 1, ssoConsole());
      return Rec.call(c, "iam", "ListUsers", "us-east-1").read().req(J.o("maxItems", 100));
    });
    m.one(0.6, t -> {
      Caller c = who(2, cast.scanner, 1, ssoConsole());
      return Rec.call(c, "iam", "ListAccessKeys", "us-east-1").read()
          .req(J.o("userName", rng.pick("kim.oduya", "jenkins-legacy")));
    });
    m.one(0.4, t -> {
      Caller c = who(2, cast.scanner, 1, ssoConsole());
      return Rec.call(c, "iam", "ListMFADevices", "us-east-1").read()
          .req(J.o("userName", rng.pick("kim.oduya", "jenkins-legacy")));
    });
    m.one(0.5, t -> {
      Caller c = who(1, cast.scanner, 1, ssoConsole());
      return Rec.call(c, "iam", "GetAccountSummary", "us-east-1").read();
    });
    m.one(0.3, t -> Rec.call(cast.scanner, "iam", "GetAccountPasswordPolicy", "us-east-1").read());
    m.one(0.6, t -> {
      Caller c = who(2, cast.scanner, 1, cast.planner, 1, cast.configRecorder);
      return Rec.call(c, "iam", "GetPolicyVersion", "us-east-1").read()
          .req(J.o("policyArn", "arn:aws:iam::111122223333:policy/" + rng.pick(
              "orders-api-data-access", "invoice-processor-s3", "github-actions-deploy-policy",
              "report-builder-read"), "versionId", "v" + rng.between(1, 9)));
    });
    m.one(0.3, t -> Rec.call(cast.scanner, "iam", "GetCredentialReport", "us-east-1").read());
  }

  private void compute(Mix m) {
    m.one(1.0, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.datadog, 1, cast.scanner, 1, ssoConsole(), 1, cast.configRecorder);
      return maybeDenied(Rec.call(c, "lambda", "ListFunctions20150331", s.region()).read(), c, null);
    });
    m.one(1.2, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(1, cast.datadog, 1, cast.planner, 1, ssoConsole(), 1, cast.configRecorder);
      String fn = rng.pick(s.functions());
      return maybeDenied(Rec.call(c, "lambda", "GetFunction20150331v2", s.region()).read()
          .req(J.o("functionName", fn)), c, s.functionArn(fn));
    });
    m.one(0.8, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(1, cast.configRecorder, 1, cast.scanner);
      String fn = rng.pick(s.functions());
      Rec r = Rec.call(c, "lambda", "GetPolicy20150331v2", s.region()).read().req(J.o("functionName", fn));
      if (rng.chance(0.5)) {
        r.error("ResourceNotFoundException", "The resource you requested does not exist.");
      }
      return r;
    });
    m.one(1.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(3, cast.datadog, 1, ssoConsole(), 1, cast.configRecorder);
      return Rec.call(c, "ecs", "DescribeServices", s.region()).read()
          .req(J.o("cluster", s.cluster(), "services", J.a(rng.pick(s.services()))));
    });
    m.one(1.0, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.datadog, 1, ssoConsole());
      return Rec.call(c, "ecs", "ListTasks", s.region()).read()
          .req(J.o("cluster", s.cluster(), "serviceName", rng.pick(s.services()), "desiredStatus", "RUNNING"));
    });
    m.one(1.0, t -> {
      Estate.Site s = Estate.site(rng);
      return Rec.call(cast.datadog, "ecs", "DescribeTasks", s.region()).read()
          .req(J.o("cluster", s.cluster(), "tasks", J.a(s.clusterArn().replace(":cluster/", ":task/") + "/"
              + rng.hex(32)), "include", J.a("TAGS")));
    });
    m.one(1.2, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(3, cast.datadog, 1, cast.configRecorder, 1, ssoConsole());
      return Rec.call(c, "rds", "DescribeDBInstances", s.region()).read()
          .req(rng.chance(0.5) ? null : J.o("dBInstanceIdentifier", rng.pick(s.dbInstances())));
    });
    m.one(0.6, t -> {
      Estate.Site s = Estate.US;
      Caller c = who(2, cast.datadog, 1, cast.configRecorder);
      return Rec.call(c, "rds", "DescribeDBClusters", s.region()).read()
          .req(J.o("dBClusterIdentifier", "orders-prod-cluster"));
    });
    m.one(0.4, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(1, cast.backup, 1, cast.scanner);
      return Rec.call(c, "rds", "DescribeDBSnapshots", s.region()).read()
          .req(J.o("dBInstanceIdentifier", rng.pick(s.dbInstances()), "snapshotType", "automated"));
    });
    m.one(1.0, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.datadog, 1, cast.configRecorder);
      return Rec.call(c, "dynamodb", "DescribeTable", s.region()).read()
          .req(J.o("tableName", rng.pick(s.tables())));
    });
    m.one(0.8, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(3, cast.datadog, 1, cast.configRecorder);
      return Rec.call(c, "elasticloadbalancing", "DescribeTargetHealth", s.region()).read()
          .req(J.o("targetGroupArn", s.loadBalancer().replace(":loadbalancer/app/", ":targetgroup/")
              .replaceAll("/[0-9a-f]+$", "-tg/" + rng.hex(16))));
    });
    m.one(0.6, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.datadog, 1, cast.configRecorder, 1, cast.planner);
      return Rec.call(c, "elasticloadbalancing", "DescribeLoadBalancers", s.region()).read()
          .req(J.o("loadBalancerArns", J.a(s.loadBalancer())));
    });
    m.one(0.7, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.datadog, 1, cast.configRecorder);
      return Rec.call(c, "autoscaling", "DescribeAutoScalingGroups", s.region()).read()
          .req(J.o("autoScalingGroupNames", J.a(s.autoScalingGroup())));
    });
  }

  private void monitoring(Mix m) {
    m.one(6, t -> {
      Estate.Site s = Estate.site(rng);
      Instant end = t.minusSeconds(t.getEpochSecond() % 300);
      String fn = rng.pick(s.functions());
      ObjectNode query = J.o(
          "id", "m" + rng.hex(6),
          "metricStat", J.o(
              "metric", J.o("namespace", "AWS/Lambda", "metricName",
                  rng.pick("Invocations", "Errors", "Duration", "Throttles", "ConcurrentExecutions"),
                  "dimensions", J.a(J.o("name", "FunctionName", "value", fn))),
              "period", 60, "stat", rng.pick("Sum", "Average", "Maximum")),
          "returnData", true);
      Caller c = who(6, cast.datadog, 1, ssoConsole());
      return Rec.call(c, "monitoring", "GetMetricData", s.region()).read()
          .req(J.o("metricDataQueries", J.a(query), "startTime", Times.sts(end.minusSeconds(600)),
              "endTime", Times.sts(end)));
    });
    m.one(2.5, t -> {
      Estate.Site s = Estate.site(rng);
      return Rec.call(cast.datadog, "monitoring", "ListMetrics", s.region()).read()
          .req(J.o("namespace", rng.pick("AWS/Lambda", "AWS/ECS", "AWS/RDS", "AWS/ApplicationELB",
              "AWS/DynamoDB", "AWS/EC2", "AWS/SQS")));
    });
    m.one(1.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.datadog, 1, ssoConsole(), 1, cast.scanner);
      return Rec.call(c, "monitoring", "DescribeAlarms", s.region()).read()
          .req(rng.chance(0.5) ? J.o("stateValue", "ALARM") : J.o("maxRecords", 100));
    });
    m.one(1.5, t -> {
      Estate.Site s = Estate.site(rng);
      Instant end = t.minusSeconds(t.getEpochSecond() % 60);
      String db = rng.pick(s.dbInstances());
      return Rec.call(cast.datadog, "monitoring", "GetMetricStatistics", s.region()).read()
          .req(J.o("namespace", "AWS/RDS", "metricName", rng.pick("CPUUtilization", "FreeableMemory",
                  "DatabaseConnections", "ReadIOPS"),
              "dimensions", J.a(J.o("name", "DBInstanceIdentifier", "value", db)),
              "startTime", Times.sts(end.minusSeconds(300)), "endTime", Times.sts(end), "period", 60,
              "statistics", J.a("Average", "Maximum")));
    });
    m.one(1.2, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.datadog, 1, cast.scanner, 1, ssoConsole());
      return Rec.call(c, "logs", "DescribeLogGroups", s.region()).read()
          .req(rng.chance(0.5) ? J.o("logGroupNamePrefix", "/aws/lambda/") : J.o("limit", 50));
    });
    m.one(0.8, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, ssoConsole(), 1, cast.datadog);
      return Rec.call(c, "logs", "DescribeLogStreams", s.region()).read()
          .req(J.o("logGroupName", "/aws/lambda/" + rng.pick(s.functions()), "orderBy", "LastEventTime",
              "descending", true, "limit", 50));
    });
    m.one(0.4, t -> Rec.call(cast.scanner, "logs", "DescribeMetricFilters", "us-east-1").read()
        .req(J.o("logGroupName", "aws-cloudtrail-logs-111122223333")));
  }

  private void config(Mix m) {
    m.one(3.5, t -> {
      Estate.Site s = Estate.site(rng);
      String p = rng.pick(s.parameters());
      Caller c = s == Estate.EU ? cast.gdprFn : who(3, cast.ordersTask, 1, cast.invoiceFn, 1, cast.reportFn);
      return Rec.call(c, "ssm", "GetParameter", s.region()).read()
          .req(J.o("name", p, "withDecryption", true));
    });
    m.one(1.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = s == Estate.EU ? cast.gdprFn : cast.ordersTask;
      return Rec.call(c, "ssm", "GetParameters", s.region()).read()
          .req(J.o("names", J.a(s.parameters().get(0), s.parameters().get(1)), "withDecryption", true));
    });
    m.one(1.0, t -> {
      Caller c = who(2, cast.ordersTask, 1, cast.pipeline, 1, cast.planner);
      return Rec.call(c, "ssm", "GetParametersByPath", "us-east-1").read()
          .req(J.o("path", "/prod/orders-api", "recursive", true, "withDecryption", true));
    });
    m.one(2.0, t -> {
      Caller c = rng.pick(cast.webInstances);
      return Rec.call(c, "ssm", "ListInstanceAssociations", "us-east-1").read()
          .req(J.o("instanceId", c.name(), "maxResults", 20));
    });
    m.one(1.5, t -> {
      Estate.Site s = Estate.site(rng);
      String secret = rng.pick(s.secrets());
      Caller c = s == Estate.EU ? cast.gdprFn : who(3, cast.ordersTask, 1, cast.invoiceFn);
      return Rec.call(c, "secretsmanager", "GetSecretValue", s.region()).read()
          .req(J.o("secretId", s.secretArn(secret)))
          .resource("AWS::SecretsManager::Secret", s.secretArn(secret));
    });
    m.one(0.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.scanner, 1, cast.configRecorder);
      return Rec.call(c, "secretsmanager", "ListSecrets", s.region()).read().req(J.o("maxResults", 100));
    });
    m.one(0.8, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.scanner, 1, cast.configRecorder, 1, cast.planner);
      String key = keyArn(s);
      return maybeDenied(Rec.call(c, "kms", "DescribeKey", s.region()).read().req(J.o("keyId", key))
          .resource("AWS::KMS::Key", key), c, key);
    });
    m.one(0.5, t -> {
      Estate.Site s = Estate.site(rng);
      String key = keyArn(s);
      return Rec.call(cast.scanner, "kms", "GetKeyRotationStatus", s.region()).read().req(J.o("keyId", key))
          .resource("AWS::KMS::Key", key);
    });
    m.one(0.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(1, cast.scanner, 1, ssoConsole(), 1, cast.datadog);
      return Rec.call(c, "kms", "ListAliases", s.region()).read().req(J.o("limit", 100));
    });
  }

  private void other(Mix m) {
    m.one(3.5, t -> {
      Caller c = who(2, cast.pipeline, 1, cast.planner, 2, ssoCli(), 1, cast.jenkins, 1, cast.kim,
          1, cast.scanner, 1, cast.invoiceFn);
      return Rec.call(c, "sts", "GetCallerIdentity", c == cast.pipeline || rng.chance(0.7) ? "us-east-1"
          : "eu-west-1").read();
    });
    m.one(1.2, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.planner, 1, cast.datadog, 1, ssoConsole());
      return Rec.call(c, "cloudformation", "DescribeStacks", s.region()).read()
          .req(J.o("stackName", rng.pick(s.stacks())));
    });
    m.one(0.6, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(1, ssoConsole(), 1, cast.planner);
      return Rec.call(c, "cloudformation", "DescribeStackEvents", s.region()).read()
          .req(J.o("stackName", rng.pick(s.stacks())));
    });
    m.one(0.3, t -> Rec.call(cast.planner, "cloudformation", "GetTemplate", "us-east-1").read()
        .req(J.o("stackName", rng.pick(Estate.US.stacks()), "templateStage", "Original")));
    m.one(0.6, t -> {
      Caller c = who(1, cast.jenkins, 1, cast.pipeline);
      return Rec.call(c, "ecr", "GetAuthorizationToken", "us-east-1").read()
          .req(J.o("registryIds", J.a(Caller.ACCOUNT)));
    });
    m.one(0.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(1, cast.scanner, 1, cast.pipeline);
      return Rec.call(c, "ecr", "DescribeImages", s.region()).read()
          .req(J.o("repositoryName", rng.pick(s.repositories()), "maxResults", 100));
    });
    m.one(0.5, t -> {
      Estate.Site s = Estate.site(rng);
      Caller c = who(2, cast.scanner, 1, cast.configRecorder, 1, cast.datadog);
      return Rec.call(c, "cloudtrail", "DescribeTrails", s.region()).read()
          .req(J.o("trailNameList", J.a(), "includeShadowTrails", true));
    });
    m.one(0.4, t -> {
      Caller c = who(2, cast.scanner, 1, cast.datadog);
      return Rec.call(c, "cloudtrail", "GetTrailStatus", "us-east-1").read()
          .req(J.o("name", "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail"));
    });
    m.one(0.3, t -> Rec.call(cast.scanner, "cloudtrail", "GetEventSelectors", "us-east-1").read()
        .req(J.o("trailName", "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail")));
    m.human(0.4, now -> java.util.List.of(t -> {
      Caller c = cast.someone().console();
      return Rec.call(c, "cloudtrail", "LookupEvents", "us-east-1").read()
          .req(J.o("maxResults", 50, "lookupAttributes", J.a(J.o("attributeKey", "ReadOnly",
              "attributeValue", "false"))));
    }));
    m.one(0.4, t -> {
      Estate.Site s = Estate.site(rng);
      return Rec.call(cast.scanner, "config", "DescribeConfigurationRecorderStatus", s.region()).read()
          .req(J.o("configurationRecorderNames", J.a()));
    });
    m.one(0.3, t -> {
      Estate.Site s = Estate.site(rng);
      return Rec.call(cast.scanner, "guardduty", "ListDetectors", s.region()).read()
          .req(J.o("maxResults", 50));
    });
  }

  private String someRole() {
    return rng.pick("orders-api-task-role", "invoice-processor-role", "report-builder-role",
        "github-actions-deploy", "github-actions-plan", "web-asg-instance-role", "DatadogIntegrationRole",
        "security-audit-scanner", "gdpr-export-worker-role");
  }
}
