package io.trailwatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextMemoTest {
  @Test
  void aVerdictIsEitherTheOneRememberedForThatVeryStringOrUnknown() {
    TextMemo memo = new TextMemo();
    Random random = new Random(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      // Same length and same sampled characters but one: the slots collide often.
      texts.add("aws-cli/2.15.30 md/command#" + "x".repeat(random.nextInt(3)) + Integer.toString(i, 36));
    }
    for (int i = 0; i < texts.size(); i++) {
      memo.put(texts.get(i), i % 3);
    }
    int known = 0;
    for (int i = 0; i < texts.size(); i++) {
      int verdict = memo.get(texts.get(i));
      assertThat(verdict).as(texts.get(i)).isIn(-1, i % 3);
      known += verdict >= 0 ? 1 : 0;
    }
    assertThat(known).as("the memo holds at most its slots").isBetween(1, 4096);
    assertThat(memo.get("never put")).isEqualTo(-1);
    assertThat(memo.get("")).isEqualTo(-1);
    memo.put("", 2);
    assertThat(memo.get("")).isEqualTo(2);
  }

  @Test
  void aStringPutAgainReplacesItsVerdictAndItsNeighbourStays() {
    TextMemo memo = new TextMemo();
    memo.put("Boto3/1.34.69 prowler/4.1.0", 0);
    memo.put("Boto3/1.34.69 prowler/4.1.1", 2);
    assertThat(memo.get("Boto3/1.34.69 prowler/4.1.0")).isEqualTo(0);
    assertThat(memo.get("Boto3/1.34.69 prowler/4.1.1")).isEqualTo(2);
    assertThat(memo.get(new String("Boto3/1.34.69 prowler/4.1.1".toCharArray()))).as("equal, not same").isEqualTo(2);
  }
}
