package io.trailwatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeWindowAndCidrTest {
  @Test
  void aWindowIsJudgedInItsTimeZone() {
    ChangeWindow paris = new ChangeWindow("d", ZoneId.of("Europe/Paris"),
        Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
        LocalTime.of(8, 0), LocalTime.of(19, 0));
    assertThat(paris.contains(Instant.parse("2026-03-16T07:30:00Z"))).as("Monday 08:30 in Paris").isTrue();
    assertThat(paris.contains(Instant.parse("2026-03-16T06:30:00Z"))).as("Monday 07:30 in Paris").isFalse();
    assertThat(paris.contains(Instant.parse("2026-03-16T18:00:00Z"))).as("19:00 is the end, exclusive").isFalse();
    assertThat(paris.contains(Instant.parse("2026-03-14T10:00:00Z"))).as("Saturday").isFalse();
    assertThat(paris.contains(Instant.parse("2026-07-06T06:30:00Z"))).as("summer time: 08:30 CEST").isTrue();
  }

  @Test
  void aWindowPastMidnightBelongsToTheDayItStarts() {
    ChangeWindow night = new ChangeWindow("n", ZoneId.of("UTC"), Set.of(DayOfWeek.FRIDAY),
        LocalTime.of(22, 0), LocalTime.of(2, 0));
    assertThat(night.contains(Instant.parse("2026-03-13T23:00:00Z"))).as("Friday 23:00").isTrue();
    assertThat(night.contains(Instant.parse("2026-03-14T01:00:00Z"))).as("Saturday 01:00, Friday's window").isTrue();
    assertThat(night.contains(Instant.parse("2026-03-14T23:00:00Z"))).as("Saturday 23:00").isFalse();
    assertThat(night.contains(Instant.parse("2026-03-13T01:00:00Z"))).as("Friday 01:00 is Thursday's night").isFalse();
  }

  @Test
  void cidrBlocksContainTheirAddressesOnly() {
    assertThat(Cidr.parse("203.0.113.0/24").contains("203.0.113.77")).isTrue();
    assertThat(Cidr.parse("203.0.113.0/24").contains("203.0.114.1")).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains("198.51.100.1")).isTrue();
    assertThat(Cidr.parse("2001:db8::/32").contains("2001:db8:1::5")).isTrue();
    assertThat(Cidr.parse("2001:db8::/32").contains("2001:db9::5")).isFalse();
    assertThat(Cidr.parse("10.0.0.0/8").contains("cloudformation.amazonaws.com")).isFalse();
    assertThat(Cidr.parse("10.0.0.0/8").contains("2001:db8::1")).as("another family").isFalse();
    assertThat(Cidr.check("2001:db8::g/32")).isEqualTo("'2001:db8::g' is not an IPv6 address");
  }
}
