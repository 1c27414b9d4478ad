package io.trailwatch.cli.bench;

import java.util.List;

/**
 * The resources of the simulated account: buckets, functions, services, security groups, keys, secrets,
 * stacks, per region.
 *
 * <p>Why fixed: a real account touches the same few dozen resources all day; rules that deduplicate on a
 * bucket or a function, and analysts reading a sample, need the names to repeat. The names are
 * documentation-style ({@code example-*}) and the account is {@code 111122223333}.
 */
final class Estate {
  static final String A = Caller.ACCOUNT;

  /** Resources of one region. */
  record Site(
      String region,
      String vpc,
      List<String> subnets,
      List<String> instances,
      List<String> securityGroups,
      String albSecurityGroup,
      String dbSecurityGroup,
      List<String> keys,
      List<String> functions,
      String cluster,
      List<String> services,
      List<String> dbInstances,
      List<String> tables,
      List<String> parameters,
      List<String> secrets,
      List<String> stacks,
      List<String> buckets,
      String loadBalancer,
      List<String> repositories,
      String autoScalingGroup) {

    String keyArn(String keyId) {
      return "arn:aws:kms:" + region + ":" + A + ":key/" + keyId;
    }

    String functionArn(String name) {
      return "arn:aws:lambda:" + region + ":" + A + ":function:" + name;
    }

    String parameterArn(String name) {
      return "arn:aws:ssm:" + region + ":" + A + ":parameter" + name;
    }

    String secretArn(String name) {
      return "arn:aws:secretsmanager:" + region + ":" + A + ":secret:" + name;
    }

    String stackArn(String name) {
      return "arn:aws:cloudformation:" + region + ":" + A + ":stack/" + name + "/"
          + String.format("%08x", name.hashCode()) + "-e1b2-11ee-9f3c-0a1b2c3d4e5f";
    }

    String instanceArn(String id) {
      return "arn:aws:ec2:" + region + ":" + A + ":instance/" + id;
    }

    String clusterArn() {
      return "arn:aws:ecs:" + region + ":" + A + ":cluster/" + cluster;
    }
  }

  static final Site US =
      new Site(
          "us-east-1",
          "vpc-0a1b2c3d4e5f60789",
          List.of("subnet-0123456789abcdef0", "subnet-0fedcba9876543210", "subnet-0a0b0c0d0e0f01234"),
          List.of("i-0a12b34c56d78e901", "i-0b23c45d67e89f012", "i-0c34d56e78f90a123", "i-0d45e67f89a01b234"),
          List.of("sg-0a1b2c3d4e5f60718", "sg-0b2c3d4e5f6071829", "sg-0c3d4e5f607182930", "sg-0d4e5f60718293041"),
          "sg-0a1b2c3d4e5f60718",
          "sg-0c3d4e5f607182930",
          List.of(
              "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
              "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
              "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f"),
          List.of("invoice-processor", "report-builder", "thumbnailer", "orders-stream-consumer"),
          "prod",
          List.of("orders-api", "checkout-web"),
          List.of("orders-prod-1", "orders-prod-2"),
          List.of("orders", "idempotency-keys", "checkout-sessions"),
          List.of(
              "/prod/orders-api/db-host",
              "/prod/orders-api/feature-flags",
              "/prod/checkout-web/api-url",
              "/prod/shared/datadog-api-key"),
          List.of("prod/orders/db-credentials-AbC123", "prod/checkout/stripe-api-key-XyZ789"),
          List.of("orders-api-prod", "checkout-web-prod", "invoice-pipeline-prod"),
          List.of(
              "example-orders-prod-uploads",
              "example-web-static-assets",
              "example-lambda-artifacts-111122223333",
              "example-terraform-state-111122223333",
              "example-cloudtrail-logs-111122223333"),
          "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/orders-alb/5d1a3f0e9b7c2a41",
          List.of("orders-api", "checkout-web"),
          "web-asg");

  static final Site EU =
      new Site(
          "eu-west-1",
          "vpc-0f1e2d3c4b5a69788",
          List.of("subnet-0e1d2c3b4a5968778", "subnet-0d2c3b4a5968778e1"),
          List.of("i-0f67a89b01c23d456", "i-0a78b90c12d34e567"),
          List.of("sg-0e5f6071829304152", "sg-0f60718293041526a", "sg-0a7182930415263b7"),
          "sg-0a7182930415263b7",
          "sg-0f60718293041526a",
          List.of("4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f80", "5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8091"),
          List.of("gdpr-export-worker", "eu-report-builder"),
          "prod-eu",
          List.of("orders-api"),
          List.of("reports-eu"),
          List.of("orders-eu", "gdpr-requests"),
          List.of("/prod/gdpr-export/config", "/prod/orders-api/db-host"),
          List.of("prod/gdpr/db-credentials-QrS456"),
          List.of("gdpr-export-prod", "orders-api-prod-eu"),
          List.of("example-data-lake-raw-eu", "example-reports-eu"),
          "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/orders-alb-eu/8c2e4a6b0d1f3e57",
          List.of("orders-api"),
          "workers-asg-eu");

  /** Buckets with a bucket policy; GetBucketPolicy on the others fails with NoSuchBucketPolicy. */
  static final List<String> BUCKETS_WITH_POLICY =
      List.of(
          "example-web-static-assets",
          "example-cloudtrail-logs-111122223333",
          "example-data-lake-raw-eu");

  private Estate() {}

  /** Most of the account's work is in us-east-1, some in eu-west-1. */
  static Site site(Rng rng) {
    return rng.chance(0.7) ? US : EU;
  }

  static Site of(String region) {
    return "eu-west-1".equals(region) ? EU : US;
  }
}
