package io.trailwatch.aws.dynamodb;

import io.trailwatch.aws.testing.StateTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.core.port.LedgerUnavailableException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The ledger on the real DynamoDB engine (DynamoDB Local, embedded), with the table template.yaml creates. */
class DynamoDbDeliveryLedgerTest {
  @RegisterExtension static final StateTable.Embedded table = StateTable.embedded("trailwatch-state");
  static DynamoDbClient dynamo;

  @BeforeAll
  static void client() {
    dynamo = table.dynamo();
  }

  static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void aRecordedDeliveryIsSeenByTheNextRetryAndOnlyForItsChannel() {
    DynamoDbDeliveryLedger ledger = new DynamoDbDeliveryLedger(dynamo, "trailwatch-state", at("2026-03-15T02:20:00Z"));

    assertThat(ledger.delivered("f1", "slack")).isFalse();
    ledger.record("f1", "slack");

    assertThat(ledger.delivered("f1", "slack")).isTrue();
    assertThat(ledger.delivered("f1", "sns")).isFalse();
    assertThat(ledger.delivered("f2", "slack")).isFalse();
    assertThat(dynamo.getItem(b -> b.tableName("trailwatch-state").key(java.util.Map.of("pk",
        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("delivered#f1#slack")))).item().get("expiresAt").n())
        .isEqualTo(Long.toString(Instant.parse("2026-03-15T02:20:00Z").plus(Duration.ofDays(14)).getEpochSecond()));
  }

  @Test
  void aRecordPastItsExpiryCountsAsGoneBeforeDynamoDbDeletesIt() {
    new DynamoDbDeliveryLedger(dynamo, "trailwatch-state", at("2026-03-01T00:00:00Z")).record("f3", "sns");

    assertThat(new DynamoDbDeliveryLedger(dynamo, "trailwatch-state", at("2026-03-10T00:00:00Z")).delivered("f3", "sns")).isTrue();
    assertThat(new DynamoDbDeliveryLedger(dynamo, "trailwatch-state", at("2026-03-20T00:00:00Z")).delivered("f3", "sns")).isFalse();
  }

  @Test
  void anUnreachableTableIsReportedAsUnavailable() {
    DynamoDbClient nowhere = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:1"))
        .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(5)))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "x")))
        .build();
    DynamoDbDeliveryLedger ledger = new DynamoDbDeliveryLedger(nowhere, "trailwatch-state", Clock.systemUTC());

    assertThatThrownBy(() -> ledger.delivered("f1", "slack")).isInstanceOf(LedgerUnavailableException.class)
        .hasMessageContaining("GetItem on trailwatch-state failed");
    assertThatThrownBy(() -> ledger.record("f1", "slack")).isInstanceOf(LedgerUnavailableException.class);
  }
}
