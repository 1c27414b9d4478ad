package io.trailwatch.aws.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.securityhub.model.Action;
import software.amazon.awssdk.services.securityhub.model.ActionRemoteIpDetails;
import software.amazon.awssdk.services.securityhub.model.AwsApiCallAction;
import software.amazon.awssdk.services.securityhub.model.AwsApiCallActionDomainDetails;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.Compliance;
import software.amazon.awssdk.services.securityhub.model.Recommendation;
import software.amazon.awssdk.services.securityhub.model.Remediation;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.Severity;

/**
 * The core's ASFF document ({@link io.trailwatch.core.render.AsffFinding}) as the SDK's model, field by
 * field. The SDK only takes its own types, and copying explicitly (rather than letting Jackson introspect
 * the SDK's builders) keeps cold start low and makes a field the renderer adds fail a test until it is
 * copied here: the WireMock test compares what is sent with what was rendered.
 */
final class AsffModel {
  private AsffModel() {}

  static AwsSecurityFinding toSdk(JsonNode a) {
    AwsSecurityFinding.Builder b = AwsSecurityFinding.builder()
        .schemaVersion(text(a, "SchemaVersion"))
        .id(text(a, "Id"))
        .productArn(text(a, "ProductArn"))
        .generatorId(text(a, "GeneratorId"))
        .awsAccountId(text(a, "AwsAccountId"))
        .types(strings(a.path("Types")))
        .createdAt(text(a, "CreatedAt"))
        .updatedAt(text(a, "UpdatedAt"))
        .firstObservedAt(text(a, "FirstObservedAt"))
        .lastObservedAt(text(a, "LastObservedAt"))
        .severity(Severity.builder().label(text(a.path("Severity"), "Label")).build())
        .title(text(a, "Title"))
        .description(text(a, "Description"))
        .resources(resources(a.path("Resources")))
        .recordState(text(a, "RecordState"));
    if (a.has("Action")) {
      b.action(action(a.path("Action")));
    }
    if (a.has("Remediation")) {
      JsonNode r = a.path("Remediation").path("Recommendation");
      b.remediation(Remediation.builder()
          .recommendation(Recommendation.builder().text(text(r, "Text")).url(text(r, "Url")).build()).build());
    }
    if (a.has("ProductFields")) {
      Map<String, String> fields = new LinkedHashMap<>();
      a.path("ProductFields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
      b.productFields(fields);
    }
    if (a.has("Compliance")) {
      b.compliance(Compliance.builder().relatedRequirements(strings(a.path("Compliance").path("RelatedRequirements"))).build());
    }
    return b.build();
  }

  private static Action action(JsonNode action) {
    JsonNode c = action.path("AwsApiCallAction");
    AwsApiCallAction.Builder call = AwsApiCallAction.builder()
        .api(text(c, "Api"))
        .serviceName(text(c, "ServiceName"))
        .callerType(text(c, "CallerType"))
        .firstSeen(text(c, "FirstSeen"))
        .lastSeen(text(c, "LastSeen"));
    if (c.has("RemoteIpDetails")) {
      call.remoteIpDetails(ActionRemoteIpDetails.builder().ipAddressV4(text(c.path("RemoteIpDetails"), "IpAddressV4")).build());
    }
    if (c.has("DomainDetails")) {
      call.domainDetails(AwsApiCallActionDomainDetails.builder().domain(text(c.path("DomainDetails"), "Domain")).build());
    }
    return Action.builder().actionType(text(action, "ActionType")).awsApiCallAction(call.build()).build();
  }

  private static List<Resource> resources(JsonNode resources) {
    List<Resource> out = new ArrayList<>();
    for (JsonNode r : resources) {
      out.add(Resource.builder().type(text(r, "Type")).id(text(r, "Id")).region(text(r, "Region")).build());
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  /** The field's text, or null when absent, so the SDK leaves it out of the request. */
  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
