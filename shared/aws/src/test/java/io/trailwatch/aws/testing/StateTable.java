package io.trailwatch.aws.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The state table as template.yaml declares it (hash key {@code pk}, TTL on {@code expiresAt}), for tests. */
public final class StateTable {
  private StateTable() {}

  public static void create(DynamoDbClient dynamo, String name) {
    dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    dynamo.updateTimeToLive(b -> b.tableName(name)
        .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
  }

  /**
   * DynamoDB Local over HTTP on a free port, as a function reaches DynamoDB in Lambda, with the state table
   * created. Stop it with {@link DynamoDBProxyServer#stop()}.
   */
  public record Server(DynamoDBProxyServer server, String endpoint) {}

  public static Server serve(String name) throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
        new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
    server.start();
    String endpoint = "http://127.0.0.1:" + port;
    try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(java.net.URI.create(endpoint))
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "x")))
        .build()) {
      create(dynamo, name);
    }
    return new Server(server, endpoint);
  }
}
