package io.trailwatch.cli.bench;

import java.util.Map;

/**
 * The user agents a busy account's trail is full of, one family per kind of client.
 *
 * <p>Why they matter: rules and triage read the user agent (console vs CLI vs SDK vs an AWS service), anchor
 * trap D14 warns against trusting it, and a benchmark whose every record carries the same short string
 * would under-state parsing cost. The CLI agent names the command ({@code md/command#ec2.describe-instances})
 * the way aws-cli v2 does.
 */
final class UserAgents {
  /** Client families. */
  enum Family {
    /** aws-cli v2 on a laptop or a CI runner. */
    CLI,
    /** boto3 inside a Lambda function. */
    BOTO3_LAMBDA,
    /** boto3 in a security scanner. */
    BOTO3_SCANNER,
    /** AWS SDK for Java v2 in an ECS task. */
    JAVA_ECS,
    /** AWS SDK for Java v1 on an on-premises build server. */
    JAVA_V1,
    /** A third-party monitoring crawler written in Go. */
    GO_SDK,
    /** Terraform's AWS provider. */
    TERRAFORM,
    /** The AWS console calling APIs for a signed-in user. */
    CONSOLE,
    /** A browser, for sign-in events. */
    BROWSER,
    /** The SSM agent on an instance. */
    SSM_AGENT,
    /** The Lambda worker that ships function logs. */
    LAMBDA_WORKER,
    /** JavaScript SDK v3 (GitHub's configure-aws-credentials action). */
    JS_SDK,
    /** An AWS service acting itself: the agent is the service host. */
    SERVICE
  }

  private static final Map<String, String> CLI_SERVICE =
      Map.ofEntries(
          Map.entry("s3", "s3api"),
          Map.entry("monitoring", "cloudwatch"),
          Map.entry("elasticloadbalancing", "elbv2"),
          Map.entry("config", "configservice"));

  private UserAgents() {}

  /**
   * The agent string.
   *
   * @param platform the OS part that stays fixed per client (kernel, distribution)
   * @param service the eventSource prefix (ec2, monitoring, ...)
   * @param eventName the API name, used by agents that name their command
   */
  static String render(Family family, String platform, String service, String eventName, String host) {
    switch (family) {
      case CLI:
        return "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/"
            + platform
            + " lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe"
            + " md/prompt#off md/command#"
            + CLI_SERVICE.getOrDefault(service, service)
            + "."
            + kebab(eventName);
      case BOTO3_LAMBDA:
        return "Boto3/1.34.42 md/Botocore#1.34.42 ua/2.0 os/linux#5.10.214-223.831.amzn2.x86_64"
            + " md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12"
            + " cfg/retry-mode#legacy Botocore/1.34.42";
      case BOTO3_SCANNER:
        return "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1.79-99.167.amzn2023.x86_64"
            + " md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython exec-env/AWS_ECS_FARGATE"
            + " cfg/retry-mode#standard Botocore/1.34.69 prowler/4.1.0";
      case JAVA_ECS:
        return "aws-sdk-java/2.25.16 Linux/5.10.213-201.855.amzn2.x86_64"
            + " OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. md/internal"
            + " exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/legacy";
      case JAVA_V1:
        return "aws-sdk-java/1.12.681 Linux/5.15.0-101-generic"
            + " OpenJDK_64-Bit_Server_VM/11.0.22+7-post-Ubuntu-0ubuntu222.04.1 java/11.0.22"
            + " vendor/Ubuntu cfg/retry-mode/standard";
      case GO_SDK:
        return "aws-sdk-go-v2/1.25.2 os/linux lang/go#1.21.8 md/GOOS#linux md/GOARCH#amd64 api/"
            + service
            + "#1.30.1";
      case TERRAFORM:
        return "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io)"
            + " terraform-provider-aws/5.42.0 (+https://registry.terraform.io/providers/hashicorp/aws)"
            + " aws-sdk-go-v2/1.26.0 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/"
            + service
            + "#1.151.1";
      case CONSOLE:
        return "AWS Internal";
      case BROWSER:
        return platform;
      case SSM_AGENT:
        return "aws-sdk-go/1.44.325 (go1.21.5; linux; amd64) amazon-ssm-agent/3.3.40.0";
      case LAMBDA_WORKER:
        return "awslambda-worker/1.0 rusoto/0.48.0 rust/1.76.0 linux";
      case JS_SDK:
        return "aws-sdk-js/3.540.0 ua/2.0 os/linux#6.5.0-1016-azure lang/js md/nodejs#20.11.1 api/"
            + service
            + "#3.540.0 configure-aws-credentials-for-github-actions";
      case SERVICE:
      default:
        return host;
    }
  }

  /** {@code UpdateFunctionCode20150331v2} to {@code update-function-code}. */
  static String kebab(String eventName) {
    String name = Apis.baseName(eventName);
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
