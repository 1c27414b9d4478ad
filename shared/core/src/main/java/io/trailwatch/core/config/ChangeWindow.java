package io.trailwatch.core.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When deployments are expected: days of the week and a span of hours in a time zone. A span whose end
 * is before its start runs past midnight ({@code 22:00-02:00}) and belongs to the day it starts on.
 *
 * <pre>{@code
 * change_windows:
 *   business_hours:
 *     time_zone: Europe/Paris
 *     days: [mon, tue, wed, thu, fri]
 *     hours: "09:00-18:00"
 * }</pre>
 */
public record ChangeWindow(String name, ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {
  public boolean contains(Instant when) {
    ZonedDateTime local = when.atZone(zone);
    LocalTime time = local.toLocalTime();
    DayOfWeek day = local.getDayOfWeek();
    if (!from.isAfter(to)) {
      return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
    }
    // Past midnight: the evening of a window day, or the early morning after one.
    return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(to));
  }
}
