package io.trailwatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.core.TestEvents;
import io.trailwatch.core.event.AwsEvent;
import io.trailwatch.core.event.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.GenericMachine;

/**
 * The prefilter may only save work: for every pattern and event here, whenever Event Ruler matches, the
 * prefilter must have let the event through. Each case also checks it does filter what it should.
 */
class PrefilterTest {
  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static boolean[] both(String pattern, AwsEvent event) throws Exception {
    Prefilter<String> prefilter = new Prefilter<>();
    prefilter.addPattern("r", json(pattern));
    // The prefilter first, as the detector runs it: on a bare record, before any envelope is built.
    boolean passes = prefilter.mayMatch(event);
    List<String> proven = new java.util.ArrayList<>();
    prefilter.candidates(event, new java.util.ArrayList<>(), proven);
    GenericMachine<String> machine = new GenericMachine<>();
    machine.addRule("r", pattern);
    boolean ruler = !machine.rulesForJSONEvent(event.envelope()).isEmpty();
    assertThat(!ruler || passes).as("prefilter dropped a match of %s", pattern).isTrue();
    assertThat(proven.isEmpty() || ruler).as("prefilter proved a match Event Ruler denies: %s", pattern).isTrue();
    return new boolean[] {ruler, passes};
  }

  final AwsEvent createUser = TestEvents.event("iam.amazonaws.com", "CreateUser", "{\"userName\":\"bob\"}");
  final AwsEvent lambdaUpdate = TestEvents.event("lambda.amazonaws.com", "UpdateFunctionCode20150331v2", "{}");
  final AwsEvent describe = TestEvents.event("ec2.amazonaws.com", "DescribeInstances", "null");

  @Test
  void eventNamesAreIndexedAndOtherRequiredFieldsChecked() throws Exception {
    String pattern = "{\"detail\":{\"eventName\":[\"CreateUser\"],\"userIdentity\":{\"type\":[\"IAMUser\"]}}}";
    assertThat(both(pattern, createUser)).containsExactly(true, true);
    assertThat(both(pattern, describe)).containsExactly(false, false);
    String roleOnly = pattern.replace("IAMUser", "AssumedRole");
    assertThat(both(roleOnly, createUser)).containsExactly(false, false);
  }

  @Test
  void wildcardsSuffixesAndCaseInsensitiveValuesFilterWithoutDroppingAMatch() throws Exception {
    // A rule on user agents alone (offensive tools) names no eventName: without these, it would send
    // every event of every account through Event Ruler.
    String tools = "{\"detail\":{\"userAgent\":[{\"wildcard\":\"*kali*\"},{\"wildcard\":\"*Pacu*\"}]}}";
    AwsEvent kali = TestEvents.fromJson(TestEvents.record("iam.amazonaws.com", "ListUsers", "null").toString()
        .replace("aws-cli/2.15.30", "aws-cli/1.18.69 Python/3.8 Linux/5.10.0-kali7-amd64 botocore/1.17"));
    assertThat(both(tools, kali)).containsExactly(true, true);
    assertThat(both(tools, createUser)).containsExactly(false, false);
    String suffix = "{\"detail\":{\"eventName\":[{\"suffix\":\"User\"}]}}";
    assertThat(both(suffix, createUser)).containsExactly(true, true);
    assertThat(both(suffix, describe)).containsExactly(false, false);
    String anyCase = "{\"detail\":{\"eventName\":[{\"equals-ignore-case\":\"createuser\"}]}}";
    assertThat(both(anyCase, createUser)).containsExactly(true, true);
    assertThat(both(anyCase, describe)).containsExactly(false, false);
    assertThat(FieldMatch.glob("a*b*c", "aXXbYYc")).isTrue();
    assertThat(FieldMatch.glob("a*b*c", "aXXbYY")).isFalse();
    assertThat(FieldMatch.glob("*", "")).isTrue();
  }

  @Test
  void booleansAndExistsTrueAreRequiredFields() throws Exception {
    String omitted = "{\"detail\":{\"requestParameters\":{\"omitted\":[true]}}}";
    AwsEvent big = TestEvents.event("iam.amazonaws.com", "PutRolePolicy", "{\"omitted\":true,\"reason\":\"too large\"}");
    assertThat(both(omitted, big)).containsExactly(true, true);
    assertThat(both(omitted, createUser)).containsExactly(false, false);
    String serial = "{\"detail\":{\"requestParameters\":{\"serialNumber\":[{\"exists\":true}]}}}";
    AwsEvent withMfa = TestEvents.event("sts.amazonaws.com", "AssumeRole", "{\"serialNumber\":\"arn:aws:iam::111122223333:mfa/alice\"}");
    assertThat(both(serial, withMfa)).containsExactly(true, true);
    assertThat(both(serial, createUser)).containsExactly(false, false);
  }

  @Test
  void aCheckProvesOnlyPatternsItCapturesWhole() throws Exception {
    String plain = "{\"detail\":{\"eventName\":[\"CreateUser\"],\"userIdentity\":{\"type\":[\"IAMUser\"]}}}";
    String withAnythingBut = "{\"detail\":{\"eventName\":[\"CreateUser\"],\"userIdentity\":{\"type\":[{\"anything-but\":\"Root\"}]}}}";
    assertThat(Prefilter.provable(json(plain))).isTrue();
    assertThat(Prefilter.provable(json(withAnythingBut))).as("anything-but strings are checked exactly").isTrue();
    assertThat(Prefilter.provable(json("{\"detail\":{\"userAgent\":[{\"anything-but\":{\"suffix\":\"aws-cli\"}}]}}"))).isFalse();
    assertThat(Prefilter.provable(json("{\"detail\":{\"userAgent\":[{\"anything-but\":[1, 2]}]}}"))).isFalse();
    assertThat(Prefilter.provable(json("{\"detail\":{\"n\":[\"a\", 1]}}"))).as("numbers are Event Ruler's").isFalse();
    assertThat(Prefilter.provable(json("{\"detail\":{\"n\":[{\"numeric\":[\">\",1]}]}}"))).isFalse();
    assertThat(Prefilter.provable(json("{\"detail\":{\"$or\":[{\"eventName\":[\"A\"]},{\"eventName\":[\"B\"]}]}}"))).isFalse();
    assertThat(Prefilter.provable(json("{\"detail\":{\"requestParameters\":{\"omitted\":[true]}}}"))).isTrue();
    assertThat(Prefilter.provable(json("{\"detail\":{\"u\":[{\"exists\":false},{\"anything-but\":{\"prefix\":\"AWS\"}}]}}"))).isTrue();
    assertThat(Prefilter.provable(json("{\"detail\":{\"u\":[{\"exists\":true}]}}"))).isTrue();
    Prefilter<String> prefilter = new Prefilter<>();
    prefilter.addPattern("r", json(plain));
    List<String> proven = new java.util.ArrayList<>();
    prefilter.candidates(createUser, new java.util.ArrayList<>(), proven);
    assertThat(proven).containsExactly("r");
  }

  @Test
  void existsFalseAndAnythingButAreCheckedLikeEventRuler() throws Exception {
    String direct = "{\"detail\":{\"eventName\":[\"UpdateFunctionCode20150331v2\"],\"userIdentity\":{\"invokedBy\":[{\"exists\":false}]}}}";
    AwsEvent byStack = TestEvents.fromJson(TestEvents.roleSession("arn:aws:iam::111122223333:role/Admin", "cloudformation.amazonaws.com"));
    AwsEvent byHand = TestEvents.fromJson(TestEvents.roleSession("arn:aws:iam::111122223333:role/Admin", null));
    assertThat(both(direct, byHand)).containsExactly(true, true);
    assertThat(both(direct, byStack)).containsExactly(false, false);
    String notRoot = "{\"detail\":{\"eventName\":[\"CreateUser\"],\"userIdentity\":{\"type\":[{\"anything-but\":[\"Root\",\"AWSService\"]}]}}}";
    AwsEvent rootCreate = TestEvents.fromJson(TestEvents.record("iam.amazonaws.com", "CreateUser", "{}").toString()
        .replace("\"type\":\"IAMUser\"", "\"type\":\"Root\""));
    assertThat(both(notRoot, createUser)).containsExactly(true, true);
    assertThat(both(notRoot, rootCreate)).containsExactly(false, false);
    String missingField = "{\"detail\":{\"eventName\":[\"CreateUser\"],\"errorCode\":[{\"anything-but\":\"AccessDenied\"}]}}";
    assertThat(both(missingField, createUser)).as("anything-but needs the field").containsExactly(false, false);
  }

  @Test
  void prefixesAndOrBranchesAreUnderstood() throws Exception {
    String prefix = "{\"detail\":{\"eventName\":[{\"prefix\":\"UpdateFunctionCode\"}]}}";
    assertThat(both(prefix, lambdaUpdate)).containsExactly(true, true);
    assertThat(both(prefix, createUser)).containsExactly(false, false);
    String or = "{\"detail\":{\"$or\":[{\"eventName\":[\"CreateUser\"]},{\"eventName\":[\"DeleteUser\"],\"requestParameters\":{\"x\":[1]}}]}}";
    assertThat(both(or, createUser)).containsExactly(true, true);
    assertThat(both(or, describe)).containsExactly(false, false);
  }

  @Test
  void patternsWithoutPlainValuesLetEverythingThrough() throws Exception {
    String anythingBut = "{\"detail\":{\"eventName\":[{\"anything-but\":\"ConsoleLogin\"}]}}";
    assertThat(both(anythingBut, describe)).containsExactly(true, true);
    String orWithoutCommonField = "{\"$or\":[{\"source\":[\"aws.iam\"]},{\"detail\":{\"eventName\":[\"DescribeInstances\"]}}]}";
    assertThat(both(orWithoutCommonField, describe)).containsExactly(true, true);
    assertThat(both(orWithoutCommonField, createUser)).containsExactly(true, true);
  }

  @Test
  void fieldsUnderArraysPassWhenAnyElementMayMatch() throws Exception {
    String pattern = "{\"detail\":{\"requestParameters\":{\"tags\":[\"prod\"]}}}";
    AwsEvent tagged = TestEvents.event("ec2.amazonaws.com", "CreateTags", "{\"tags\":[\"dev\",\"prod\"]}");
    AwsEvent otherTags = TestEvents.event("ec2.amazonaws.com", "CreateTags", "{\"tags\":[\"dev\",\"test\"]}");
    assertThat(both(pattern, tagged)).containsExactly(true, true);
    assertThat(both(pattern, otherTags)).as("no element can match").containsExactly(false, false);
    assertThat(both(pattern, createUser)).containsExactly(false, false);
    assertThat(proves(pattern, tagged)).as("no proof through arrays").isFalse();

    String commands = "{\"detail\":{\"requestParameters\":{\"containerDefinitions\":{\"command\":[{\"wildcard\":\"*169.254.170.2*\"}]}}}}";
    AwsEvent stealing = TestEvents.event("ecs.amazonaws.com", "RegisterTaskDefinition",
        "{\"containerDefinitions\":[{\"name\":\"web\",\"command\":[\"nginx\"]},"
            + "{\"name\":\"side\",\"command\":[\"sh\",\"-c\",\"curl 169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI\"]}]}");
    AwsEvent benign = TestEvents.event("ecs.amazonaws.com", "RegisterTaskDefinition",
        "{\"containerDefinitions\":[{\"name\":\"web\",\"command\":[\"nginx\"]},{\"name\":\"noCommand\"},{\"name\":\"e\",\"command\":[]}]}");
    assertThat(both(commands, stealing)).containsExactly(true, true);
    assertThat(both(commands, benign)).containsExactly(false, false);

    // Absence can satisfy exists: false and anything-but needs Event Ruler's own reading of arrays.
    String notProd = "{\"detail\":{\"requestParameters\":{\"tags\":[{\"anything-but\":\"prod\"}]}}}";
    assertThat(both(notProd, tagged)).containsExactly(true, true);
    String noTag = "{\"detail\":{\"requestParameters\":{\"tags\":{\"key\":[{\"exists\":false}]}}}}";
    assertThat(both(noTag, tagged)[1]).isTrue();
  }

  @Test
  void everyBranchOfAnOrIsTriedBeforeAnEventIsLetThrough() throws Exception {
    String mining = "{\"detail\":{\"eventName\":[\"RegisterTaskDefinition\"],\"requestParameters\":{\"containerDefinitions\":"
        + "{\"$or\":[{\"command\":[{\"wildcard\":\"*stratum+tcp://*\"}]},{\"image\":[{\"wildcard\":\"*xmrig*\"}]}]}}}}";
    AwsEvent miner = TestEvents.event("ecs.amazonaws.com", "RegisterTaskDefinition",
        "{\"containerDefinitions\":[{\"name\":\"w\",\"image\":\"docker.io/evil/xmrig:6\",\"command\":[\"-o\",\"pool:3333\"]}]}");
    AwsEvent pool = TestEvents.event("ecs.amazonaws.com", "RegisterTaskDefinition",
        "{\"containerDefinitions\":[{\"name\":\"w\",\"image\":\"app:1\",\"command\":[\"-o\",\"stratum+tcp://pool:3333\"]}]}");
    AwsEvent web = TestEvents.event("ecs.amazonaws.com", "RegisterTaskDefinition",
        "{\"containerDefinitions\":[{\"name\":\"w\",\"image\":\"111122223333.dkr.ecr.us-east-1.amazonaws.com/web:42\",\"command\":[\"serve\"]}]}");
    assertThat(both(mining, miner)).containsExactly(true, true);
    assertThat(both(mining, pool)).containsExactly(true, true);
    assertThat(both(mining, web)).as("neither branch can match").containsExactly(false, false);
    assertThat(proves(mining, miner)).as("an $or is Event Ruler's to prove").isFalse();
  }

  @Test
  void severalPatternsShareOneIndex() throws Exception {
    Prefilter<String> prefilter = new Prefilter<>();
    for (String p : List.of("{\"detail\":{\"eventName\":[\"CreateUser\"]}}", "{\"detail\":{\"userIdentity\":{\"type\":[\"Root\"]}}}")) {
      prefilter.addPattern(p, json(p));
    }
    AwsEvent rootDescribe = TestEvents.fromJson(TestEvents.record("ec2.amazonaws.com", "DescribeInstances", "null")
        .toString().replace("\"type\":\"IAMUser\"", "\"type\":\"Root\""));

    assertThat(prefilter.mayMatch(createUser)).isTrue();
    assertThat(prefilter.mayMatch(rootDescribe)).isTrue();
    assertThat(prefilter.mayMatch(describe)).isFalse();
  }

  static boolean proves(String pattern, AwsEvent event) {
    Prefilter<String> prefilter = new Prefilter<>();
    prefilter.addPattern("r", json(pattern));
    List<String> proven = new java.util.ArrayList<>();
    prefilter.candidates(event, new java.util.ArrayList<>(), proven);
    return !proven.isEmpty();
  }

  @Test
  void theServiceLinkedRoleIdiomAndBooleansAreProvenWithoutEventRuler() throws Exception {
    // [exists: false, anything-but prefix]: "not a service-linked role", in a dozen rules of the catalog.
    String notServiceLinked = "{\"detail\":{\"eventName\":[\"UpdateFunctionCode20150331v2\"],"
        + "\"userIdentity\":{\"sessionContext\":{\"sessionIssuer\":{\"userName\":"
        + "[{\"exists\":false},{\"anything-but\":{\"prefix\":\"AWSServiceRoleFor\"}}]}}}}}";
    AwsEvent byRole = TestEvents.fromJson(TestEvents.roleSession("arn:aws:iam::111122223333:role/Admin", null));
    AwsEvent byServiceLinkedRole = TestEvents.fromJson(TestEvents.roleSession("arn:aws:iam::111122223333:role/Admin", null)
        .replace("\"userName\":\"Admin\"", "\"userName\":\"AWSServiceRoleForConfig\""));
    AwsEvent byUser = TestEvents.event("lambda.amazonaws.com", "UpdateFunctionCode20150331v2", "{}");
    assertThat(byServiceLinkedRole.envelope().toString()).contains("AWSServiceRoleForConfig");
    assertThat(both(notServiceLinked, byRole)).containsExactly(true, true);
    assertThat(both(notServiceLinked, byUser)).as("no session issuer: exists false").containsExactly(true, true);
    assertThat(both(notServiceLinked, byServiceLinkedRole)).containsExactly(false, false);
    assertThat(proves(notServiceLinked, byRole)).isTrue();
    assertThat(proves(notServiceLinked, byUser)).isTrue();

    String decrypted = "{\"detail\":{\"eventName\":[\"GetParameter\"],\"requestParameters\":{\"withDecryption\":[true]}}}";
    AwsEvent withDecryption = TestEvents.event("ssm.amazonaws.com", "GetParameter", "{\"name\":\"/db\",\"withDecryption\":true}");
    AwsEvent without = TestEvents.event("ssm.amazonaws.com", "GetParameter", "{\"name\":\"/db\",\"withDecryption\":false}");
    AwsEvent asText = TestEvents.event("ssm.amazonaws.com", "GetParameter", "{\"name\":\"/db\",\"withDecryption\":\"true\"}");
    assertThat(both(decrypted, withDecryption)).containsExactly(true, true);
    assertThat(proves(decrypted, withDecryption)).isTrue();
    assertThat(both(decrypted, without)).containsExactly(false, false);
    assertThat(both(decrypted, asText)).as("the string \"true\" is not the boolean").containsExactly(false, false);
  }
}
