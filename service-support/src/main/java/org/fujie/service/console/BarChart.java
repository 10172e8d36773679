package org.fujie.service.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out for server-side SVG (no script, no inline style): each bar's rectangle and label position in
 * the chart's own coordinates, the template only draws them. Heights are scaled to the largest value.
 */
public record BarChart(int width, int height, int baseline, List<Bar> bars, long max) {

    static final int BAR_AREA_TOP = 20;
    static final int LABEL_SPACE = 40;
    static final int SLOT = 36;

    /** One bar: its rectangle, its value written above it, its label below the baseline. */
    public record Bar(String label, long value, int x, int y, int barWidth, int barHeight, int labelX) {
    }

    /** A value with its label, in the order the bars are drawn. */
    public record Point(String label, long value) {
    }

    public static BarChart of(List<Point> points, int plotHeight) {
        long max = points.stream().mapToLong(Point::value).max().orElse(0);
        int baseline = BAR_AREA_TOP + plotHeight;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            int barHeight = max == 0 ? 0 : (int) Math.round((double) point.value() * plotHeight / max);
            int x = 10 + i * SLOT;
            bars.add(new Bar(point.label(), point.value(), x + 4, baseline - barHeight, SLOT - 8, barHeight, x + SLOT / 2));
        }
        return new BarChart(20 + points.size() * SLOT, baseline + LABEL_SPACE, baseline, List.copyOf(bars), max);
    }
}
