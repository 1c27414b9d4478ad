package io.trailwatch.deploy.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The policy statements of a template, each with where it was found, Fn::If branches expanded. */
public final class Policies {
  private Policies() {}

  /** One statement and a human-readable location: "RouteFunctionRole policy route statement PublishAlerts". */
  public record Statement(String where, String owner, Map<String, Object> body) {
    public List<String> actions() {
      return Intrinsics.flatBranches(body.get("Action")).stream().map(String::valueOf).toList();
    }

    /** Resource values, each a literal string or an intrinsic function. */
    public List<Object> resources() {
      return Intrinsics.flatBranches(body.get("Resource"));
    }

    public String sid() {
      return body.get("Sid") == null ? "" : String.valueOf(body.get("Sid"));
    }

    public boolean allows() {
      return "Allow".equals(body.get("Effect"));
    }
  }

  /**
   * Statements of identity-based policies: inline policies of AWS::IAM::Role, AWS::IAM::Policy and
   * AWS::IAM::ManagedPolicy documents.
   */
  public static List<Statement> identityStatements(Template t) {
    List<Statement> out = new ArrayList<>();
    for (String id : t.idsOfType("AWS::IAM::Role")) {
      for (Object policy : Intrinsics.flatBranches(t.properties(id).get("Policies"))) {
        String name = String.valueOf(Template.map(policy).get("PolicyName"));
        out.addAll(statements(Template.map(policy).get("PolicyDocument"), id + " policy " + name, id));
      }
    }
    for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
      for (String id : t.idsOfType(type)) {
        out.addAll(statements(t.properties(id).get("PolicyDocument"), id, id));
      }
    }
    return out;
  }

  /** Statements of resource-based policies: queue, topic and key policies, and role trust policies. */
  public static List<Statement> resourceStatements(Template t) {
    List<Statement> out = new ArrayList<>();
    for (String id : t.idsOfType("AWS::SQS::QueuePolicy")) {
      out.addAll(statements(t.properties(id).get("PolicyDocument"), id, id));
    }
    for (String id : t.idsOfType("AWS::SNS::TopicPolicy")) {
      out.addAll(statements(t.properties(id).get("PolicyDocument"), id, id));
    }
    for (String id : t.idsOfType("AWS::KMS::Key")) {
      out.addAll(statements(t.properties(id).get("KeyPolicy"), id + " key policy", id));
    }
    for (String id : t.idsOfType("AWS::IAM::Role")) {
      out.addAll(statements(t.properties(id).get("AssumeRolePolicyDocument"), id + " trust policy", id));
    }
    return out;
  }

  /** The statements of one policy document (Statement may be one object or a list; Fn::If expanded). */
  public static List<Statement> statements(Object document, String where, String owner) {
    List<Statement> out = new ArrayList<>();
    int index = 0;
    for (Object statement : Intrinsics.flatBranches(Template.map(document).get("Statement"))) {
      Map<String, Object> body = Template.map(statement);
      Object sid = body.get("Sid");
      out.add(new Statement(where + " statement " + (sid != null ? sid : "#" + index), owner, body));
      index++;
    }
    return out;
  }
}
