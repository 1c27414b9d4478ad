package io.trailwatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.TestFindings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageTest {
  /** Every text Slack would render, from every block. */
  static List<String> texts(JsonNode message) {
    List<String> out = new ArrayList<>();
    out.add(message.path("text").asText());
    for (JsonNode block : message.path("blocks")) {
      if (block.has("text")) {
        out.add(block.path("text").path("text").asText());
      }
      block.path("fields").forEach(f -> out.add(f.path("text").asText()));
      block.path("elements").forEach(e -> out.add(e.path("text").asText()));
    }
    return out;
  }

  @Test
  void mentionsAndLinksFromTheEventAreShownAsTextAndPingNoOne() {
    JsonNode message = SlackMessage.render(TestFindings.finding("Bucket <!channel> made public",
        "<https://evil.example|click me> & <@U024BE7LH>", "data-<!here>"));

    List<String> parsed = texts(message).subList(1, texts(message).size());
    parsed = new ArrayList<>(parsed);
    parsed.remove(0);
    for (String text : parsed) {
      assertThat(text).doesNotContain("<!channel>").doesNotContain("<!here>").doesNotContain("<@U024BE7LH>")
          .doesNotContain("<https://evil.example");
    }
    assertThat(message.path("text").asText()).doesNotContain("<!channel>");
    assertThat(texts(message)).anyMatch(t -> t.contains("&lt;https://evil.example|click me&gt; &amp; &lt;@U024BE7LH&gt;"));
    assertThat(message.path("blocks").get(0).path("text").path("type").asText())
        .as("the header is plain_text, which Slack does not parse").isEqualTo("plain_text");
  }

  @Test
  void everyTextStaysWithinBlockKitLimitsWithAMarkerWhenCut() {
    JsonNode message = SlackMessage.render(TestFindings.finding("T".repeat(400), "U".repeat(5000) + "&", "b".repeat(3000)));

    JsonNode blocks = message.path("blocks");
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    assertThat(blocks.get(0).path("text").path("text").asText()).hasSizeLessThanOrEqualTo(SlackMessage.HEADER_MAX).endsWith("…");
    for (JsonNode block : blocks) {
      assertThat(block.path("text").path("text").asText().length()).isLessThanOrEqualTo(SlackMessage.SECTION_MAX);
      assertThat(block.path("fields").size()).isLessThanOrEqualTo(10);
      block.path("fields").forEach(f -> assertThat(f.path("text").asText()).hasSizeLessThanOrEqualTo(SlackMessage.FIELD_MAX));
    }
    assertThat(texts(message)).anyMatch(t -> t.startsWith("*From*") && t.endsWith("…"));
  }

  @Test
  void theOnCallEngineerSeesWhoWhereWhenAndTheRunbook() {
    JsonNode message = SlackMessage.render(TestFindings.finding("Bucket acme made public", "aws-cli/2", "acme"));

    assertThat(String.join("\n", texts(message)))
        .contains("arn:aws:iam::111122223333:user/support-backup\n_IAM user (long-lived credentials)_").contains("*MFA*\n*no*")
        .contains("111122223333 / us-east-1").contains("2026-03-15T02:18:40Z").contains("AwsS3Bucket acme")
        .contains("Runbook: shared/rules/catalog/s3/s3_bucket_policy_public/runbook.md")
        .contains("<https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/e-1|event in CloudTrail>");
  }

  @Test
  void cuttingNeverSplitsAnEscape() {
    assertThat(SlackMessage.cut("abc&amp;def", 7)).isEqualTo("abc…");
  }
}
