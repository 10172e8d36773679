package org.fujie.ca.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.fujie.service.console.BarChart;

/**
 * Valid certificates by when they expire over the next N days: by week up to about four months (what an operator
 * plans renewals in), by calendar month beyond. Days are UTC, as everything Fujie stores.
 */
final class ExpiryTimeline {

    static final int MAX_DAYS = 730;
    static final int WEEKLY_UP_TO_DAYS = 120;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private ExpiryTimeline() {
    }

    static boolean weekly(int days) {
        return days <= WEEKLY_UP_TO_DAYS;
    }

    static List<BarChart.Point> points(List<Instant> expiries, Instant now, int days) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return weekly(days) ? byWeek(expiries, today, days) : byMonth(expiries, today, days);
    }

    private static List<BarChart.Point> byWeek(List<Instant> expiries, LocalDate today, int days) {
        int weeks = (days + 6) / 7;
        long[] counts = new long[weeks];
        for (Instant expiry : expiries) {
            long day = LocalDate.ofInstant(expiry, ZoneOffset.UTC).toEpochDay() - today.toEpochDay();
            if (day >= 0 && day / 7 < weeks) {
                counts[(int) (day / 7)]++;
            }
        }
        List<BarChart.Point> points = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            points.add(new BarChart.Point(today.plusWeeks(i).format(DAY), counts[i]));
        }
        return points;
    }

    private static List<BarChart.Point> byMonth(List<Instant> expiries, LocalDate today, int days) {
        YearMonth first = YearMonth.from(today);
        int months = (int) (first.until(YearMonth.from(today.plusDays(days)), java.time.temporal.ChronoUnit.MONTHS)) + 1;
        long[] counts = new long[months];
        for (Instant expiry : expiries) {
            long month = first.until(YearMonth.from(LocalDate.ofInstant(expiry, ZoneOffset.UTC)), java.time.temporal.ChronoUnit.MONTHS);
            if (month >= 0 && month < months) {
                counts[(int) month]++;
            }
        }
        List<BarChart.Point> points = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            points.add(new BarChart.Point(first.plusMonths(i).format(MONTH), counts[i]));
        }
        return points;
    }
}
