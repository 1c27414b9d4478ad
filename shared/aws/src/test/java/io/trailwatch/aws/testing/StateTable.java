package io.trailwatch.aws.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;
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
   * DynamoDB Local in this JVM with the state table, for one test class:
   * {@code @RegisterExtension static final StateTable.Embedded table = StateTable.embedded("state");}.
   */
  public static Embedded embedded(String name) {
    return new Embedded(name);
  }

  /**
   * DynamoDB Local over HTTP on a free port, as a function reaches DynamoDB in Lambda, with the state table
   * created, for one test class; {@link Served#endpoint()} goes in {@code AWS_ENDPOINT_URL_DYNAMODB}.
   */
  public static Served served(String name) {
    return new Served(name);
  }

  public static final class Embedded implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private AmazonDynamoDBLocal local;
    private DynamoDbClient dynamo;

    private Embedded(String name) {
      this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
      local = DynamoDBEmbedded.create(true);
      dynamo = local.dynamoDbClient();
      create(dynamo, name);
    }

    @Override
    public void afterAll(ExtensionContext context) {
      local.shutdown();
    }

    public DynamoDbClient dynamo() {
      return dynamo;
    }
  }

  public static final class Served implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private DynamoDBProxyServer server;
    private String endpoint;

    private Served(String name) {
      this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
      int port;
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      server = ServerRunner.createServerFromCommandLineArgs(
          new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
      server.start();
      endpoint = "http://127.0.0.1:" + port;
      try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(java.net.URI.create(endpoint))
          .region(software.amazon.awssdk.regions.Region.US_EAST_1)
          .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
          .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
              software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "x")))
          .build()) {
        create(dynamo, name);
      }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
      server.stop();
    }

    public String endpoint() {
      return endpoint;
    }
  }
}
