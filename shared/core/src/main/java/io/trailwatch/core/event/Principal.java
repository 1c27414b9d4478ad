package io.trailwatch.core.event;

/**
 * Who acted, as an on-call engineer needs it at a glance.
 *
 * @param arn the caller's ARN as CloudTrail recorded it (for a role session, the session ARN)
 * @param type CloudTrail's {@code userIdentity.type}: Root, IAMUser, AssumedRole, FederatedUser,
 *     AWSService, AWSAccount, IdentityCenterUser...
 * @param mfa true or false when the event says so; null when the event does not record it (a missing
 *     field is not the same as "no MFA")
 */
public record Principal(String arn, String type, Boolean mfa) {}
