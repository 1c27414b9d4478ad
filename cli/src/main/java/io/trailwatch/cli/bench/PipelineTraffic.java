package io.trailwatch.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploys by the CI/CD pipeline: GitHub Actions assumes {@code github-actions-deploy} through OIDC and
 * updates Lambda code, pushes an image and rolls an ECS service, or runs a CloudFormation change set whose
 * resource updates CloudFormation then makes with the pipeline's session ({@code invokedBy
 * cloudformation.amazonaws.com}).
 *
 * <p>Why in detail: the pipeline is the most prolific changer of IAM policies, security groups, bucket
 * policies and function code in a real account (anchor C1: 100% of one team's IAM and security group
 * alerts). These are the near misses a deployment rule must let through by role and by {@code invokedBy},
 * and they include the shapes that fool content checks: a load balancer opened on 443 to the world, a
 * bucket policy with {@code Principal "*"} restricted to the organization, a Deny with {@code Principal
 * "*"}, inline policies recorded as JSON strings (trap D9).
 */
final class PipelineTraffic extends Traffic {
  private static final String ARTIFACTS = "example-lambda-artifacts-111122223333";

  /**
   * How often each kind of resource update appears in a change set (cases of {@link #stackChange}): code
   * and configuration change on most deploys, security groups and bucket policies rarely.
   */
  private static final double[] CHANGE_WEIGHTS = {
    2, 1.5, 1.5, 0.8, 0.6, 0.8, 0.35, 0.4, 1.2, 0.5, 0.4, 0.5, 1.2, 1.8, 0.8, 1.2, 1.8
  };

  PipelineTraffic(Rng rng, Cast cast) {
    super(rng, cast);
  }

  @Override
  Mix mix() {
    return new Mix()
        .human(3, this::lambdaDeploy)
        .human(3, this::ecsDeploy)
        .human(4, this::stackDeploy)
        .human(1.5, now -> List.of(t -> putParameter(cast.pipeline, Estate.site(rng))));
  }

  /** The first record of every run: the workflow's OIDC token exchanged for the deploy role. */
  private Mix.Draft oidcLogin(String repo) {
    return t -> {
      Caller token = cast.githubTokens.get(Cast.REPOS.indexOf(repo));
      Caller role = cast.pipeline;
      ObjectNode resp = credentials(t, role);
      resp.put("subjectFromWebIdentityToken", "repo:" + repo + ":ref:refs/heads/main");
      resp.put("provider", Cast.OIDC_PROVIDER);
      resp.put("audience", "sts.amazonaws.com");
      return Rec.call(token, "sts", "AssumeRoleWithWebIdentity", "us-east-1").read()
          .req(J.o("roleArn", role.roleArn(), "roleSessionName", "GitHubActions", "durationSeconds", 3600))
          .resp(resp)
          .extra(J.o("identityProviderConnectionVerificationMethod", "IdPThumbprint"))
          .resource("AWS::IAM::Role", role.roleArn());
    };
  }

  private List<Mix.Draft> lambdaDeploy(Instant now) {
    Estate.Site s = rng.chance(0.8) ? Estate.US : Estate.EU;
    String fn = rng.pick(s.functions());
    String sha = rng.hex(40);
    int version = rng.between(40, 400);
    Caller p = cast.pipeline;
    List<Mix.Draft> out = new ArrayList<>();
    out.add(oidcLogin("example-org/invoice-pipeline"));
    out.add(t -> Rec.call(p, "sts", "GetCallerIdentity", "us-east-1").read());
    out.add(t -> updateFunctionCode(p, s, fn, sha, t));
    out.add(t -> Rec.call(p, "lambda", "GetFunctionConfiguration20150331v2", s.region()).read()
        .req(J.o("functionName", fn)));
    out.add(t -> Rec.call(p, "lambda", "PublishVersion20150331", s.region())
        .req(J.o("functionName", fn, "description", "deploy " + sha.substring(0, 7)))
        .resp(J.o("functionName", fn, "functionArn", s.functionArn(fn) + ":" + version, "version",
            String.valueOf(version), "state", "Active", "lastUpdateStatus", "Successful")));
    out.add(t -> Rec.call(p, "lambda", "UpdateAlias20150331", s.region())
        .req(J.o("functionName", fn, "name", "live", "functionVersion", String.valueOf(version)))
        .resp(J.o("aliasArn", s.functionArn(fn) + ":live", "name", "live", "functionVersion",
            String.valueOf(version), "description", "", "revisionId", rng.uuid())));
    return out;
  }

  /** lambda:UpdateFunctionCode with the function configuration Lambda returns. */
  Rec updateFunctionCode(Caller caller, Estate.Site s, String fn, String sha, Instant t) {
    return Rec.call(caller, "lambda", "UpdateFunctionCode20150331v2", s.region())
        .req(J.o("functionName", fn, "s3Bucket", ARTIFACTS, "s3Key", fn + "/" + sha + ".zip", "publish", false,
            "dryRun", false, "architectures", J.a("arm64")))
        .resp(J.o(
            "functionName", fn,
            "functionArn", s.functionArn(fn),
            "runtime", fn.startsWith("thumb") ? "nodejs20.x" : fn.startsWith("orders") ? "java17" : "python3.12",
            "role", "arn:aws:iam::111122223333:role/" + fn + "-role",
            "handler", "app.handler",
            "codeSize", rng.between(800_000, 9_000_000),
            "description", "",
            "timeout", 60,
            "memorySize", 512,
            "lastModified", Times.lambda(t),
            "codeSha256", rng.base64(43) + "=",
            "version", "$LATEST",
            "tracingConfig", J.o("mode", "Active"),
            "revisionId", rng.uuid(),
            "state", "Active",
            "lastUpdateStatus", "InProgress",
            "lastUpdateStatusReason", "The function is being created.",
            "lastUpdateStatusReasonCode", "Creating",
            "packageType", "Zip",
            "architectures", J.a("arm64"),
            "ephemeralStorage", J.o("size", 512),
            "snapStart", J.o("applyOn", "None", "optimizationStatus", "Off"),
            "loggingConfig", J.o("logFormat", "Text", "logGroup", "/aws/lambda/" + fn)))
        .resource("AWS::Lambda::Function", s.functionArn(fn));
  }

  private List<Mix.Draft> ecsDeploy(Instant now) {
    Estate.Site s = rng.chance(0.75) ? Estate.US : Estate.EU;
    String service = rng.pick(s.services());
    String repo = "example-org/" + service;
    String tag = rng.hex(7);
    int revision = rng.between(100, 900);
    Caller p = cast.pipeline;
    String family = service + (s == Estate.EU ? "-eu" : "");
    List<Mix.Draft> out = new ArrayList<>();
    out.add(oidcLogin(repo));
    out.add(t -> Rec.call(p, "ecr", "GetAuthorizationToken", s.region()).read().req(J.o()));
    out.add(t -> Rec.call(p, "ecr", "PutImage", s.region())
        .req(J.o("repositoryName", service, "imageTag", tag, "imageManifestMediaType",
            "application/vnd.docker.distribution.manifest.v2+json", "registryId", Caller.ACCOUNT))
        .resp(J.o("image", J.o("registryId", Caller.ACCOUNT, "repositoryName", service,
            "imageId", J.o("imageDigest", "sha256:" + rng.hex(64), "imageTag", tag),
            "imageManifestMediaType", "application/vnd.docker.distribution.manifest.v2+json")))
        .resource("AWS::ECR::Repository", "arn:aws:ecr:" + s.region() + ":111122223333:repository/" + service));
    out.add(t -> registerTaskDefinition(p, s, service, family, tag, revision));
    out.add(t -> updateService(p, s, service, family + ":" + revision));
    out.add(t -> Rec.call(p, "ecs", "DescribeServices", s.region()).read()
        .req(J.o("cluster", s.cluster(), "services", J.a(service))));
    return out;
  }

  Rec registerTaskDefinition(Caller caller, Estate.Site s, String service, String family, String tag, int rev) {
    String image = "111122223333.dkr.ecr." + s.region() + ".amazonaws.com/" + service + ":" + tag;
    ObjectNode container = J.o(
        "name", service, "image", image, "cpu", 0, "portMappings",
        J.a(J.o("containerPort", 8080, "hostPort", 8080, "protocol", "tcp")),
        "essential", true,
        "environment", J.a(J.o("name", "SPRING_PROFILES_ACTIVE", "value", "prod"),
            J.o("name", "OTEL_SERVICE_NAME", "value", service)),
        "logConfiguration", J.o("logDriver", "awslogs", "options", J.o("awslogs-group", "/ecs/" + service,
            "awslogs-region", s.region(), "awslogs-stream-prefix", "ecs")));
    String arn = "arn:aws:ecs:" + s.region() + ":111122223333:task-definition/" + family + ":" + rev;
    return Rec.call(caller, "ecs", "RegisterTaskDefinition", s.region())
        .req(J.o("family", family, "taskRoleArn", "arn:aws:iam::111122223333:role/orders-api-task-role",
            "executionRoleArn", "arn:aws:iam::111122223333:role/ecsTaskExecutionRole", "networkMode", "awsvpc",
            "containerDefinitions", J.a(container), "requiresCompatibilities", J.a("FARGATE"), "cpu", "512",
            "memory", "1024"))
        .resp(J.o("taskDefinition", J.o("taskDefinitionArn", arn, "family", family, "revision", rev,
            "status", "ACTIVE", "networkMode", "awsvpc", "cpu", "512", "memory", "1024",
            "registeredBy", "arn:aws:sts::111122223333:assumed-role/github-actions-deploy/GitHubActions")));
  }

  Rec updateService(Caller caller, Estate.Site s, String service, String taskDefinition) {
    String serviceArn = s.clusterArn().replace(":cluster/", ":service/") + "/" + service;
    return Rec.call(caller, "ecs", "UpdateService", s.region())
        .req(J.o("cluster", s.cluster(), "service", service, "taskDefinition", taskDefinition,
            "forceNewDeployment", false))
        .resp(J.o("service", J.o(
            "serviceArn", serviceArn, "serviceName", service, "clusterArn", s.clusterArn(), "status", "ACTIVE",
            "desiredCount", 4, "runningCount", 4, "pendingCount", 0, "launchType", "FARGATE",
            "taskDefinition", "arn:aws:ecs:" + s.region() + ":111122223333:task-definition/" + taskDefinition,
            "deployments", J.a(J.o("id", "ecs-svc/" + rng.between(1_000_000, 9_999_999) + rng.between(100_000,
                999_999), "status", "PRIMARY", "desiredCount", 4, "pendingCount", 0, "runningCount", 0,
                "rolloutState", "IN_PROGRESS")),
            "deploymentConfiguration", J.o("deploymentCircuitBreaker", J.o("enable", true, "rollback", true),
                "maximumPercent", 200, "minimumHealthyPercent", 100))));
  }

  private List<Mix.Draft> stackDeploy(Instant now) {
    Estate.Site s = rng.chance(0.75) ? Estate.US : Estate.EU;
    String stack = rng.pick(s.stacks());
    String sha = rng.hex(7);
    String changeSet = "arn:aws:cloudformation:" + s.region() + ":111122223333:changeSet/deploy-" + sha + "/"
        + rng.uuid();
    Caller p = cast.pipeline;
    Caller cfn = p.via("cloudformation.amazonaws.com");
    List<Mix.Draft> out = new ArrayList<>();
    out.add(oidcLogin(stack.startsWith("checkout") ? Cast.REPOS.get(1)
        : stack.startsWith("invoice") ? Cast.REPOS.get(2) : Cast.REPOS.get(0)));
    out.add(t -> Rec.call(p, "cloudformation", "CreateChangeSet", s.region())
        .req(J.o("stackName", stack,
            "templateURL", "https://s3.us-east-1.amazonaws.com/cf-templates-1q2w3e4r5t6y-us-east-1/" + stack
                + "/" + sha + ".template",
            "parameters", J.a(J.o("parameterKey", "ImageTag", "parameterValue", sha),
                J.o("parameterKey", "Environment", "parameterValue", "prod")),
            "capabilities", J.a("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"),
            "changeSetName", "deploy-" + sha,
            "changeSetType", "UPDATE",
            "description", "GitHub Actions run " + rng.between(8_000_000, 9_999_999)))
        .resp(J.o("id", changeSet, "stackId", s.stackArn(stack))));
    out.add(t -> Rec.call(p, "cloudformation", "DescribeChangeSet", s.region()).read()
        .req(J.o("changeSetName", changeSet, "stackName", stack)));
    out.add(t -> Rec.call(p, "cloudformation", "ExecuteChangeSet", s.region())
        .req(J.o("changeSetName", changeSet, "stackName", stack, "clientRequestToken", "deploy-" + sha)));
    int changes = rng.between(2, 5);
    for (int i = 0; i < changes; i++) {
      out.add(t -> stackChange(cfn, s, stack, sha, t));
    }
    out.add(t -> Rec.call(p, "cloudformation", "DescribeStacks", s.region()).read()
        .req(J.o("stackName", stack)));
    return out;
  }

  /** One resource update CloudFormation makes while applying the change set. */
  private Rec stackChange(Caller cfn, Estate.Site s, String stack, String sha, Instant t) {
    int kind = pickIndex(CHANGE_WEIGHTS);
    String region = s.region();
    switch (kind) {
      case 0:
      case 1:
        return updateFunctionCode(cfn, s, rng.pick(s.functions()), sha, t);
      case 2: {
        String fn = rng.pick(s.functions());
        return Rec.call(cfn, "lambda", "UpdateFunctionConfiguration20150331v2", region)
            .req(J.o("functionName", fn, "timeout", 60, "memorySize", 1024))
            .resp(J.o("functionName", fn, "functionArn", s.functionArn(fn), "state", "Active",
                "lastUpdateStatus", "InProgress", "revisionId", rng.uuid()));
      }
      case 3: {
        String role = rng.pick("orders-api-task-role", "invoice-processor-role", "report-builder-role");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::example-orders-prod-uploads/*\"},"
            + "{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"" + keyArn(s) + "\"}]}";
        return Rec.call(cfn, "iam", "PutRolePolicy", region)
            .req(J.o("roleName", role, "policyName", stack + "-data-access", "policyDocument", policy));
      }
      case 4:
        return Rec.call(cfn, "iam", "AttachRolePolicy", region)
            .req(J.o("roleName", rng.pick("report-builder-role", "invoice-processor-role"), "policyArn",
                rng.pick("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                    "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
                    "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess")));
      case 5:
        return Rec.call(cfn, "iam", "TagRole", region)
            .req(J.o("roleName", "orders-api-task-role", "tags",
                J.a(J.o("key", "aws:cloudformation:stack-name", "value", stack), J.o("key", "team", "value",
                    "orders"))));
      case 6:
        return sgIngress(cfn, s, s.albSecurityGroup(), "tcp", 443, 443, "0.0.0.0/0", "::/0", "HTTPS from anywhere");
      case 7:
        return sgIngressFromGroup(cfn, s, s.securityGroups().get(1), 8080, s.albSecurityGroup());
      case 8: {
        String bucket = rng.pick(s.buckets());
        return s3(cfn, "PutBucketTagging", bucket, "tagging", false)
            .req(J.o("bucketName", bucket, "Host", bucket + ".s3." + region + ".amazonaws.com", "tagging", "",
                "Tagging", J.o("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/", "TagSet", J.o("Tag",
                    J.a(J.o("Key", "aws:cloudformation:stack-name", "Value", stack),
                        J.o("Key", "cost-center", "Value", "orders"))))));
      }
      case 9: {
        String bucket = rng.pick(s.buckets());
        return s3(cfn, "PutBucketEncryption", bucket, "encryption", false)
            .req(J.o("bucketName", bucket, "Host", bucket + ".s3." + region + ".amazonaws.com", "encryption", "",
                "ServerSideEncryptionConfiguration", J.o("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/",
                    "Rule", J.o("ApplyServerSideEncryptionByDefault", J.o("SSEAlgorithm", "aws:kms",
                        "KMSMasterKeyID", keyArn(s)), "BucketKeyEnabled", true))));
      }
      case 10:
        return bucketPolicy(cfn, s);
      case 11: {
        String bucket = rng.pick(s.buckets());
        return s3(cfn, "PutBucketLifecycle", bucket, "lifecycle", false)
            .req(J.o("bucketName", bucket, "Host", bucket + ".s3." + region + ".amazonaws.com", "lifecycle", "",
                "LifecycleConfiguration", J.o("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/", "Rule",
                    J.o("ID", "expire-tmp", "Status", "Enabled", "Filter", J.o("Prefix", "tmp/"),
                        "Expiration", J.o("Days", 7)))));
      }
      case 12:
        return Rec.call(cfn, "logs", "PutRetentionPolicy", region)
            .req(J.o("logGroupName", "/aws/lambda/" + rng.pick(s.functions()), "retentionInDays", 30));
      case 13:
        return putParameter(cfn, s);
      case 14:
        return Rec.call(cfn, "sqs", "SetQueueAttributes", region)
            .req(J.o("queueUrl", "https://sqs." + region + ".amazonaws.com/111122223333/" + stack + "-events",
                "attributes", J.o("VisibilityTimeout", "180", "MessageRetentionPeriod", "345600")));
      case 15:
        return Rec.call(cfn, "monitoring", "PutMetricAlarm", region)
            .req(J.o("alarmName", stack + "-5xx", "metricName", "HTTPCode_Target_5XX_Count",
                "namespace", "AWS/ApplicationELB", "statistic", "Sum", "period", 60, "evaluationPeriods", 5,
                "threshold", 10.0, "comparisonOperator", "GreaterThanThreshold",
                "alarmActions", J.a("arn:aws:sns:" + region + ":111122223333:oncall-alerts"),
                "dimensions", J.a(J.o("name", "LoadBalancer", "value",
                    s.loadBalancer().substring(s.loadBalancer().indexOf("app/"))))));
      default: {
        String service = rng.pick(s.services());
        return updateService(cfn, s, service, service + ":" + rng.between(100, 900));
      }
    }
  }

  /**
   * A bucket policy that is not public: CloudFront reading through origin access control, or the
   * organization reading the data lake, with the usual Deny of plain HTTP to {@code Principal "*"}.
   */
  private Rec bucketPolicy(Caller cfn, Estate.Site s) {
    String bucket = s == Estate.EU ? "example-data-lake-raw-eu" : "example-web-static-assets";
    ObjectNode allow = s == Estate.EU
        ? J.o("Sid", "OrgRead", "Effect", "Allow", "Principal", "*", "Action", J.a("s3:GetObject", "s3:ListBucket"),
            "Resource", J.a("arn:aws:s3:::" + bucket, "arn:aws:s3:::" + bucket + "/*"),
            "Condition", J.o("StringEquals", J.o("aws:PrincipalOrgID", "o-a1b2c3d4e5")))
        : J.o("Sid", "AllowCloudFrontServicePrincipal", "Effect", "Allow",
            "Principal", J.o("Service", "cloudfront.amazonaws.com"), "Action", "s3:GetObject",
            "Resource", "arn:aws:s3:::" + bucket + "/*",
            "Condition", J.o("StringEquals", J.o("AWS:SourceArn",
                "arn:aws:cloudfront::111122223333:distribution/E2QWRUHEXAMPLE")));
    ObjectNode deny = J.o("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*", "Action", "s3:*",
        "Resource", J.a("arn:aws:s3:::" + bucket, "arn:aws:s3:::" + bucket + "/*"),
        "Condition", J.o("Bool", J.o("aws:SecureTransport", "false")));
    return s3(cfn, "PutBucketPolicy", bucket, "policy", false)
        .req(J.o("bucketPolicy", J.o("Version", "2012-10-17", "Statement", J.a(allow, deny)),
            "bucketName", bucket, "Host", bucket + ".s3." + bucketRegion(bucket) + ".amazonaws.com", "policy", ""));
  }

  private Rec putParameter(Caller caller, Estate.Site s) {
    String name = rng.pick(s.parameters().subList(0, s.parameters().size() - (s == Estate.US ? 1 : 0)));
    return Rec.call(caller, "ssm", "PutParameter", s.region())
        .req(J.o("name", name, "type", "String", "overwrite", true, "tier", "Standard", "dataType", "text"))
        .resp(J.o("version", rng.between(2, 90), "tier", "Standard"));
  }

  private int pickIndex(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
