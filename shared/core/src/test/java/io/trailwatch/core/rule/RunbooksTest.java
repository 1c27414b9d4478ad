package io.trailwatch.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunbooksTest {
  @Test
  void takesTheFirstTriageStepsWithTheirContinuationLines() {
    String runbook = """
        # Title

        ## Triage
        1. Is the bucket public right now? `aws s3api get-bucket-policy-status`:
           `IsPublic: true` means the policy is live.
        2. Read the statement that fired.
        3. Who did it.
        4. A fourth step no alert needs.

        ## Investigation steps
        1. Not a triage step.
        """;

    assertThat(Runbooks.firstSteps(runbook)).containsExactly(
        "Is the bucket public right now? `aws s3api get-bucket-policy-status`: `IsPublic: true` means the policy is live.",
        "Read the statement that fired.",
        "Who did it.");
  }

  @Test
  void aRunbookWithoutTriageItemsGivesNoSteps() {
    assertThat(Runbooks.firstSteps("# T\n\n## Triage\nLook around.\n\n## Response\n- act\n")).isEmpty();
  }
}
