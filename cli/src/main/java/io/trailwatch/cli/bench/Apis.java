package io.trailwatch.cli.bench;

import java.util.Set;

/**
 * What CloudTrail writes differently per service: the endpoint host in {@code tlsDetails}, the IAM action
 * prefix in denial messages, the error code a denial carries and the event version.
 *
 * <p>Why: anchor trap D6 lists the denial variants ({@code AccessDenied}, {@code AccessDeniedException},
 * {@code Client.UnauthorizedOperation}); a baseline that used one spelling would let a rule that knows only
 * one of them pass its tests.
 */
final class Apis {
  /** Services whose events CloudTrail records in us-east-1 whatever the caller's region (trap D11). */
  static final Set<String> GLOBAL = Set.of("iam", "signin", "cloudfront", "organizations");

  private Apis() {}

  /** {@code UpdateFunctionCode20150331v2} to {@code UpdateFunctionCode}: Lambda's dated names. */
  static String baseName(String eventName) {
    int end = eventName.length();
    while (end > 0 && (Character.isDigit(eventName.charAt(end - 1)) || eventName.charAt(end - 1) == 'v')) {
      end--;
    }
    return end < eventName.length() && end > 0 && eventName.length() - end >= 8
        ? eventName.substring(0, end)
        : eventName;
  }

  /** The endpoint the client connected to, as {@code tlsDetails.clientProvidedHostHeader}. */
  static String host(String service, String region) {
    switch (service) {
      case "iam":
        return "iam.amazonaws.com";
      case "sts":
        return "sts." + region + ".amazonaws.com";
      case "signin":
        return "signin.aws.amazon.com";
      case "s3":
        return "s3." + region + ".amazonaws.com";
      case "ecr":
        return "api.ecr." + region + ".amazonaws.com";
      default:
        return service + "." + region + ".amazonaws.com";
    }
  }

  /** The prefix of IAM actions for the service ({@code monitoring} events are {@code cloudwatch:} actions). */
  static String actionPrefix(String service) {
    return switch (service) {
      case "monitoring" -> "cloudwatch";
      default -> service;
    };
  }

  /** The IAM action of a call, as a denial message names it. */
  static String action(String service, String eventName) {
    return actionPrefix(service) + ":" + baseName(eventName);
  }

  /** The error code a denied call of this service carries. */
  static String deniedCode(String service) {
    return switch (service) {
      case "ec2" -> "Client.UnauthorizedOperation";
      case "iam", "s3", "sts", "monitoring", "rds", "cloudformation", "autoscaling", "elasticloadbalancing",
          "sqs" -> "AccessDenied";
      default -> "AccessDeniedException";
    };
  }

  static String eventVersion(String service) {
    return switch (service) {
      case "s3", "signin" -> "1.10";
      case "kms", "sts", "logs" -> "1.08";
      default -> "1.09";
    };
  }
}
