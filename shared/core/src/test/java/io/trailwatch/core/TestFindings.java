package io.trailwatch.core;

import io.trailwatch.core.event.Principal;
import io.trailwatch.core.finding.Finding;
import java.util.List;
import java.util.Map;

/** Findings for tests of what consumes them (renderers, the router). */
public final class TestFindings {
  private TestFindings() {}

  /** A CRITICAL public-bucket finding whose title, user agent and bucket name the test chooses. */
  public static Finding finding(String title, String userAgent, String bucket) {
    return new Finding("0123456789abcdef0123456789abcdef", "s3_bucket_policy_public", title, "exposure", "CRITICAL",
        "stable", "e-1", "2026-03-15T02:18:40Z", "s3.amazonaws.com", "PutBucketPolicy", "111122223333", "us-east-1",
        new Principal("arn:aws:iam::111122223333:user/support-backup", "IAMUser", false), "203.0.113.77", userAgent,
        List.of(new Finding.Resource("AwsS3Bucket", bucket)), List.of("T1530"), Map.of("cis_aws", List.of("4.8")),
        "shared/rules/catalog/s3/s3_bucket_policy_public/runbook.md", "S3 Bucket Policy Allows Public Access",
        "Detects a bucket policy that lets anyone in.", "k");
  }

}
