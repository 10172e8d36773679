package org.fujie.ca.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fujie.service.console.BarChart;
import org.junit.jupiter.api.Test;

class ExpiryTimelineTests {

    private static final Instant NOW = Instant.parse("2026-12-30T10:00:00Z");

    private static Instant in(int days) {
        return NOW.plus(Duration.ofDays(days));
    }

    @Test
    void pointsWhenWindowIsShortThenOneBarPerWeekFromToday() {
        List<BarChart.Point> points = ExpiryTimeline.points(List.of(in(0), in(6), in(7), in(13), in(20)), NOW, 21);

        assertThat(points).extracting(BarChart.Point::label).containsExactly("12-30", "01-06", "01-13");
        assertThat(points).extracting(BarChart.Point::value).containsExactly(2L, 2L, 1L);
    }

    @Test
    void pointsWhenWindowIsLongThenOneBarPerCalendarMonthAcrossTheYear() {
        List<BarChart.Point> points = ExpiryTimeline.points(List.of(in(1), in(2), in(40), in(200)), NOW, 200);

        assertThat(points.get(0)).isEqualTo(new BarChart.Point("2026-12", 1));
        assertThat(points.get(1)).isEqualTo(new BarChart.Point("2027-01", 1));
        assertThat(points.get(2)).isEqualTo(new BarChart.Point("2027-02", 1));
        assertThat(points.get(points.size() - 1)).isEqualTo(new BarChart.Point("2027-07", 1));
        assertThat(points).hasSize(8);
    }

    @Test
    void chartWhenDrawnThenBarsScaledToTheLargestValue() {
        BarChart chart = BarChart.of(List.of(new BarChart.Point("a", 4), new BarChart.Point("b", 1), new BarChart.Point("c", 0)), 100);

        assertThat(chart.bars()).extracting(BarChart.Bar::barHeight).containsExactly(100, 25, 0);
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.y() + bar.barHeight()).isEqualTo(chart.baseline()));
    }
}
