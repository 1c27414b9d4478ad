package io.trailwatch.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.core.TestEvents;
import io.trailwatch.core.event.AwsEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventReaderTest {
  @TempDir Path dir;

  final List<AwsEvent> events = new ArrayList<>();
  final List<InputProblem> problems = new ArrayList<>();
  final EventSink sink =
      new EventSink() {
        @Override
        public void event(AwsEvent event) {
          events.add(event);
        }

        @Override
        public void problem(InputProblem problem) {
          problems.add(problem);
        }
      };

  static String record(String name) {
    return TestEvents.record("iam.amazonaws.com", name, "null").toString();
  }

  static String cloudTrailFile(String... records) {
    return "{\"Records\":[" + String.join(",", records) + "]}";
  }

  Path write(String name, String content) throws IOException {
    return write(name, content.getBytes(StandardCharsets.UTF_8));
  }

  Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  void read(Path file) {
    new EventReader().read(file, file.getFileName().toString(), sink);
  }

  List<String> names() {
    return events.stream().map(AwsEvent::eventName).toList();
  }

  @Test
  void wrapsCloudTrailRecordsIntoTheEnvelopeEventBridgeDelivers() throws IOException {
    read(write("log.json", cloudTrailFile(record("CreateUser"), record("DeleteUser"))));

    assertThat(problems).isEmpty();
    assertThat(names()).containsExactly("CreateUser", "DeleteUser");
    AwsEvent first = events.get(0);
    assertThat(first.source()).isEqualTo("aws.iam");
    assertThat(first.detailType()).isEqualTo("AWS API Call via CloudTrail");
    assertThat(first.envelope().get("account").asText()).isEqualTo("111122223333");
    assertThat(first.envelope().get("time").asText()).isEqualTo("2026-03-14T10:00:00Z");
    assertThat(first.envelope().get("id").asText()).isEqualTo("e-CreateUser");
  }

  @Test
  void readsGzippedCloudTrailFilesWhateverTheirName() throws IOException {
    read(write("log", gzip(cloudTrailFile(record("CreateUser")).getBytes(StandardCharsets.UTF_8))));

    assertThat(problems).isEmpty();
    assertThat(names()).containsExactly("CreateUser");
  }

  @Test
  void readsAJsonArrayJsonLinesAndAPrettyPrintedEvent() throws IOException {
    read(write("array.json", "[" + record("A1") + ",\n" + record("A2") + "]"));
    read(write("lines.jsonl", record("L1") + "\n\n" + record("L2") + "\r\n"));
    read(write("pretty.json", "{\n  \"eventVersion\": \"1.09\",\n" + record("P1").substring(1)));

    assertThat(problems).isEmpty();
    assertThat(names()).containsExactly("A1", "A2", "L1", "L2", "P1");
  }

  @Test
  void aMalformedLineIsReportedWithItsLineAndTheRestGoesOn() throws IOException {
    read(write("lines.jsonl", record("L1") + "\n{\"broken\": \n" + record("L3") + "\n"));

    assertThat(names()).containsExactly("L1", "L3");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).file()).isEqualTo("lines.jsonl");
    assertThat(problems.get(0).location()).startsWith("line 2");
    assertThat(problems.get(0).reason()).startsWith("malformed JSON");
  }

  @Test
  void aTruncatedGzipKeepsTheRecordsBeforeTheCutAndSaysSo() throws IOException {
    StringBuilder many = new StringBuilder();
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      records.add(record("Call" + i));
    }
    byte[] whole = gzip(cloudTrailFile(records.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8));
    read(write("cut.json.gz", Arrays.copyOf(whole, whole.length / 2)));

    assertThat(events).isNotEmpty().hasSizeLessThan(2000);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).reason()).contains("truncated").contains(events.size() + " records read");
    assertThat(many).isEmpty();
  }

  @Test
  void recordsMissingFieldsOrWithWrongTypesAreSkippedOneByOne() throws IOException {
    String missing = record("X").replace("\"eventName\":\"X\",", "");
    String wrongType = record("Y").replace("\"eventName\":\"Y\"", "\"eventName\":42");
    String notAnObject = "17";
    read(write("log.json", cloudTrailFile(record("Before"), missing, wrongType, notAnObject, record("After"))));

    assertThat(names()).containsExactly("Before", "After");
    assertThat(problems)
        .extracting(InputProblem::location, InputProblem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("record 2", "missing field 'detail.eventName'"),
            org.assertj.core.groups.Tuple.tuple("record 3", "field 'detail.eventName' should be a string but is number"),
            org.assertj.core.groups.Tuple.tuple("record 4", "expected a JSON object but found number"));
  }

  @Test
  void aBadRecordInsideALineOfLogFilesIsNamedByLineAndRecord() throws IOException {
    String missing = record("X").replace("\"eventName\":\"X\",", "");
    String oneLine = cloudTrailFile(record("R1"), missing).replace("\n", "");
    read(write("lines.jsonl", record("L1") + "\n" + oneLine + "\n" + missing + "\n"));

    assertThat(names()).containsExactly("L1", "R1");
    assertThat(problems).extracting(InputProblem::location, InputProblem::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("line 2, record 2", "missing field 'detail.eventName'"),
        org.assertj.core.groups.Tuple.tuple("line 3", "missing field 'detail.eventName'"));
  }

  @Test
  void aRecordOverTheEventBridgeSizeLimitIsSkippedAndTheNextOneRead() throws IOException {
    String huge = record("Huge").replace("\"userAgent\":\"aws-cli/2.15.30\"", "\"userAgent\":\"" + "x".repeat(1_000_000) + "\"");
    read(write("log.json", cloudTrailFile(record("Small"), huge, record("Next"))));
    read(write("lines.jsonl", record("L1") + "\n" + huge + "\n" + record("L3") + "\n"));

    assertThat(names()).containsExactly("Small", "Next", "L1", "L3");
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).location()).isEqualTo("record 2");
    assertThat(problems.get(0).reason()).contains("over the limit of 262144");
    assertThat(problems.get(1).location()).isEqualTo("line 2");
  }

  @Test
  void anInvalidUtf8ByteIsReportedAndItsRecordStillEvaluated() throws IOException {
    byte[] bad = cloudTrailFile(record("First"), record("Tainted"), record("Last")).getBytes(StandardCharsets.UTF_8);
    String text = new String(bad, StandardCharsets.UTF_8);
    int at = text.indexOf("aws-cli/2.15.30", text.indexOf("Tainted") - 400);
    bad[at] = (byte) 0xff;
    read(write("log.json", bad));

    assertThat(names()).containsExactly("First", "Tainted", "Last");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).location()).isEqualTo("byte " + at);
    assertThat(problems.get(0).reason()).contains("invalid UTF-8");
    assertThat(events.get(1).userAgent()).startsWith("\uFFFD");
  }

  @Test
  void anInvalidUtf8ByteInJsonLinesCostsNothingButAWarning() throws IOException {
    byte[] line2 = record("Tainted").getBytes(StandardCharsets.UTF_8);
    line2[record("Tainted").indexOf("aws-cli")] = (byte) 0xc3;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((record("L1") + "\n").getBytes(StandardCharsets.UTF_8));
    out.write(line2);
    out.write(("\n" + record("L3") + "\n").getBytes(StandardCharsets.UTF_8));
    read(write("lines.jsonl", out.toByteArray()));

    assertThat(names()).containsExactly("L1", "Tainted", "L3");
    assertThat(problems).extracting(InputProblem::location).containsExactly("line 2");
  }

  @Test
  void malformedJsonInsideACloudTrailFileEndsThatFileWithItsPosition() throws IOException {
    read(write("log.json", "{\"Records\":[" + record("Ok") + ",{\"eventName\": tru"));

    assertThat(names()).containsExactly("Ok");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).location()).startsWith("line 1, column");
    assertThat(problems.get(0).reason()).contains("1 records read before it");
  }

  @Test
  void anEmptyFileIsNoEventAndNoProblem() throws IOException {
    read(write("empty.json", "  \n"));

    assertThat(events).isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void anUnreadableFileIsAProblemNotACrash() {
    read(dir.resolve("missing.json"));

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).reason()).startsWith("cannot read");
  }

  @Test
  void jsonLinesWhoseFirstLineIsBrokenAreStillReadLineByLine() throws IOException {
    read(write("lines.jsonl", "{not json}\n" + record("L2") + "\n"));

    assertThat(names()).containsExactly("L2");
    assertThat(problems).extracting(InputProblem::location).containsExactly("line 1, column 2");
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
