package io.trailwatch.core.rule;

/**
 * How a rule names the resource it is about: an ASFF resource type and the event field that holds its
 * identifier (for example {@code AwsIamUser} at {@code detail.requestParameters.userName}).
 */
public record ResourceRef(String type, String field) {}
