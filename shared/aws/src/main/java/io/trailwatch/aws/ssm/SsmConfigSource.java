package io.trailwatch.aws.ssm;

import io.trailwatch.aws.SdkFailures;
import io.trailwatch.core.config.ConfigSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The tuning configuration held in an SSM Parameter Store parameter ({@code GetParameter} with
 * {@code WithDecryption}, so a SecureString is read as its plain text). Every failure becomes a
 * {@link ConfigSourceException} that says what to fix: the parameter's name, the call, the HTTP status and
 * SSM's message, and for the two usual mistakes (a wrong name, a missing permission) what to do.
 */
public final class SsmConfigSource implements ConfigSource {
  private final SsmClient ssm;
  private final String parameter;

  public SsmConfigSource(SsmClient ssm, String parameter) {
    this.ssm = ssm;
    this.parameter = parameter;
  }

  @Override
  public String name() {
    return "ssm:" + parameter;
  }

  @Override
  public String fetch() {
    Parameter p;
    try {
      p = ssm.getParameter(b -> b.name(parameter).withDecryption(true)).parameter();
    } catch (ParameterNotFoundException e) {
      throw new ConfigSourceException("parameter " + parameter + " does not exist in this account and region ("
          + SdkFailures.reason("SSM GetParameter", e) + ")", e);
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String hint = code != null && code.contains("AccessDenied")
          ? "; the function's role needs ssm:GetParameter on this parameter, and a SecureString encrypted with a"
              + " customer managed key needs kms:Decrypt for the role in that key's policy"
          : "";
      throw new ConfigSourceException(name() + ": " + SdkFailures.reason("SSM GetParameter", e) + hint, e);
    } catch (SdkException e) {
      throw new ConfigSourceException(name() + ": " + SdkFailures.reason("SSM GetParameter", e), e);
    }
    if (p == null || p.value() == null) {
      throw new ConfigSourceException(name() + ": SSM GetParameter returned no value", null);
    }
    return p.value();
  }
}
