package org.baosong.bulletins.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out on the server, drawn by the page as inline SVG (ADR 0026): every rectangle and label
 * has its coordinates here, so the page needs no script and no style attribute (the Content-Security-Policy
 * allows neither), prints as crisply as text, and scales to the page's width through its viewBox. Colours come
 * from the stylesheet, by series ({@code s0}, {@code s1} …).
 */
public record SvgChart(String title, int width, int height, List<Bar> bars, List<Text> labels, List<Grid> grid, List<Legend> legend,
		Grid target) {

	/** A bar: its rectangle, its series (the CSS class s0, s1 …) and its tooltip. */
	public record Bar(double x, double y, double w, double h, int series, String title) {
	}

	/** A text at a point; anchor start, middle or end. */
	public record Text(double x, double y, String text, String anchor, String kind) {
	}

	/** A line of the value grid (or the target), from (x1, y1) to (x2, y2), with its value's label. */
	public record Grid(double x1, double y1, double x2, double y2, String label, double lx, double ly, String anchor) {
	}

	public record Legend(double x, double y, int series, String text) {
	}

	/** One series of values. */
	public record Series(String name, List<BigDecimal> values) {
	}

	static final int WIDTH = 900;

	/**
	 * Horizontal bars, one row per label, top to bottom (a ranking); the target, if any, a dashed line. Negative
	 * values draw to the left of zero.
	 */
	static SvgChart horizontal(String title, List<String> rows, List<BigDecimal> values, BigDecimal target) {
		int rowHeight = 22;
		double labelWidth = 210;
		double left = labelWidth + 10;
		double right = WIDTH - 50;
		double top = 34;
		int height = (int) top + rows.size() * rowHeight + 30;
		double max = max(values, target);
		double min = Math.min(0, values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0));
		Scale scale = new Scale(min, max, left, right);
		var bars = new ArrayList<Bar>();
		var labels = new ArrayList<Text>();
		labels.add(new Text(WIDTH / 2.0, 20, title, "middle", "title"));
		for (int i = 0; i < rows.size(); i++) {
			double y = top + i * rowHeight;
			double v = values.get(i).doubleValue();
			double x0 = scale.at(0);
			double x1 = scale.at(v);
			bars.add(new Bar(round(Math.min(x0, x1)), round(y + 3), round(Math.max(1, Math.abs(x1 - x0))), rowHeight - 6, 0,
					rows.get(i) + "：" + plain(values.get(i))));
			labels.add(new Text(labelWidth, round(y + rowHeight - 7), shorten(rows.get(i), 15), "end", "axis"));
			labels.add(new Text(round(Math.max(x0, x1) + 4), round(y + rowHeight - 7), plain(values.get(i)), "start", "value"));
		}
		var grid = scale.ticks(top, top + rows.size() * rowHeight, true);
		Grid targetLine = target == null ? null
				: new Grid(round(scale.at(target.doubleValue())), top - 4, round(scale.at(target.doubleValue())), top + rows.size() * rowHeight,
						"指标 " + plain(target), round(scale.at(target.doubleValue()) + 3), top - 6, "start");
		return new SvgChart(title, WIDTH, height, bars, labels, grid, List.of(), targetLine);
	}

	/** Vertical bars by column (months, days), one bar per series in each column, side by side. */
	static SvgChart vertical(String title, List<String> columns, List<Series> series) {
		int height = 260;
		double left = 56;
		double right = WIDTH - 16;
		double top = 40;
		double bottom = height - 44;
		double max = 0;
		double min = 0;
		for (Series s : series) {
			for (BigDecimal v : s.values()) {
				max = Math.max(max, v.doubleValue());
				min = Math.min(min, v.doubleValue());
			}
		}
		Scale scale = new Scale(min, max <= min ? min + 1 : max, bottom, top);
		double band = (right - left) / Math.max(1, columns.size());
		double barWidth = Math.max(2, Math.min(28, band * 0.8 / Math.max(1, series.size())));
		var bars = new ArrayList<Bar>();
		var labels = new ArrayList<Text>();
		labels.add(new Text(WIDTH / 2.0, 18, title, "middle", "title"));
		int every = Math.max(1, (int) Math.ceil(columns.size() / 16.0));
		for (int c = 0; c < columns.size(); c++) {
			double center = left + band * c + band / 2;
			double start = center - barWidth * series.size() / 2;
			for (int s = 0; s < series.size(); s++) {
				double v = series.get(s).values().get(c).doubleValue();
				double y0 = scale.at(0);
				double y1 = scale.at(v);
				bars.add(new Bar(round(start + s * barWidth), round(Math.min(y0, y1)), round(barWidth - 1), round(Math.max(v == 0 ? 0 : 1, Math.abs(y1 - y0))),
						s, columns.get(c) + " " + series.get(s).name() + "：" + plain(series.get(s).values().get(c))));
			}
			if (c % every == 0) {
				labels.add(new Text(round(center), bottom + 16, columns.get(c), "middle", "axis"));
			}
		}
		var legend = new ArrayList<Legend>();
		for (int s = 0; s < series.size() && series.size() > 1; s++) {
			legend.add(new Legend(left + s * 140, height - 14, s, series.get(s).name()));
		}
		return new SvgChart(title, WIDTH, height, bars, labels, scale.ticks(left, right, false), legend, null);
	}

	/** Maps values to pixels; ticks at round steps. */
	private record Scale(double min, double max, double from, double to) {

		double at(double value) {
			return from + (value - min) / (max - min) * (to - from);
		}

		List<Grid> ticks(double a, double b, boolean vertical) {
			double step = step((max - min) / 5);
			var result = new ArrayList<Grid>();
			for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) {
				double p = round(at(v));
				String label = plain(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP));
				result.add(vertical ? new Grid(p, a, p, b, label, p, b + 14, "middle") : new Grid(a, p, b, p, label, a - 4, p + 4, "end"));
			}
			return result;
		}

		private static double step(double raw) {
			if (raw <= 0) {
				return 1;
			}
			double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
			double n = raw / magnitude;
			return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
		}
	}

	private static double max(List<BigDecimal> values, BigDecimal target) {
		double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
		if (target != null) {
			max = Math.max(max, target.doubleValue() * 1.05);
		}
		return max <= 0 ? 1 : max * 1.08;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	private static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
