package io.trailwatch.aws.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A Lambda {@link Context} for running a handler outside Lambda, as {@code trailwatch invoke} and the
 * handler tests do: a fresh request id, the function's name, a deadline, and a logger on the given
 * stream.
 */
public final class LocalContext implements Context {
  private final String functionName;
  private final long deadline;
  private final PrintStream log;
  private final String requestId = UUID.randomUUID().toString();

  public LocalContext(String functionName, int timeoutSeconds, PrintStream log) {
    this.functionName = functionName;
    this.deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
    this.log = log;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:111122223333:function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        log.print(message);
      }

      @Override
      public void log(byte[] message) {
        log.print(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
