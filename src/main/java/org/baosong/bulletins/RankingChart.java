package org.baosong.bulletins;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.baosong.bulletins.BulletinContent.SequenceTable;
import org.baosong.bulletins.BulletinContent.UnitRow;

/**
 * The ranking of one sequence as a horizontal bar chart (JFreeChart), drawn on the server as a PNG at twice
 * its printed size: units by rank, top first, their points as the bars' labels, the score target (when the
 * sequence has one) as a dashed line. The labels are Chinese: the chart is drawn in the first installed font
 * that can print them (WenQuanYi Micro Hei on Debian, 微软雅黑/黑体 on Windows …). Without one it is drawn in
 * the JVM's sans-serif font, and when it cannot be drawn at all (no font configuration, no AWT) there is no
 * chart; the bulletin is never refused for it (ADR 0025).
 */
final class RankingChart {

	private static final Logger log = LoggerFactory.getLogger(RankingChart.class);

	/** Preferred CJK families, best first. */
	static final List<String> FAMILIES = List.of("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
			"Microsoft YaHei", "微软雅黑", "SimHei", "黑体", "PingFang SC", "Droid Sans Fallback", "AR PL UMing CN");

	static final String SAMPLE = "区县政府部门通报排名得分";

	/** Printed width in pixels at 96 dpi (15.6 cm, the text block of the bulletin); drawn at twice that. */
	static final int WIDTH = 590;

	static final int SCALE = 2;

	private static volatile String family;

	static {
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	private RankingChart() {
	}

	/** A drawn chart: the PNG and its printed size in pixels at 96 dpi. */
	record Png(byte[] bytes, int width, int height) {
	}

	/** The chart of a sequence; empty for a sequence without units or when it cannot be drawn. */
	static Optional<Png> of(SequenceTable sequence, String periodLabel) {
		if (sequence.rows().isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(draw(sequence, periodLabel));
		}
		catch (RuntimeException | LinkageError | IOException ex) {
			log.warn("The ranking chart of {} cannot be drawn; the bulletin goes without it: {}", sequence.name(), ex.toString());
			return Optional.empty();
		}
	}

	private static Png draw(SequenceTable sequence, String periodLabel) throws IOException {
		var data = new DefaultCategoryDataset();
		for (UnitRow row : sequence.rows()) {
			data.addValue(row.points(), "得分", row.rank() + ". " + row.unitName());
		}
		JFreeChart chart = ChartFactory.createBarChart(sequence.name() + " " + periodLabel + "得分排名", null, "得分", data,
				PlotOrientation.HORIZONTAL, false, false, false);
		String font = font();
		chart.getTitle().setFont(new Font(font, Font.BOLD, 15));
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
		plot.setOutlineVisible(false);
		CategoryAxis units = plot.getDomainAxis();
		units.setTickLabelFont(new Font(font, Font.PLAIN, 11));
		units.setCategoryMargin(0.25);
		units.setMaximumCategoryLabelWidthRatio(0.4f);
		NumberAxis scores = (NumberAxis) plot.getRangeAxis();
		scores.setTickLabelFont(new Font(font, Font.PLAIN, 10));
		scores.setLabelFont(new Font(font, Font.PLAIN, 11));
		scores.setUpperMargin(0.12);
		BarRenderer bars = (BarRenderer) plot.getRenderer();
		bars.setBarPainter(new StandardBarPainter());
		bars.setShadowVisible(false);
		bars.setSeriesPaint(0, new Color(0x8C, 0x1C, 0x13));
		bars.setMaximumBarWidth(0.8);
		bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
		bars.setDefaultItemLabelFont(new Font(font, Font.PLAIN, 10));
		bars.setDefaultItemLabelsVisible(true);
		target(sequence).ifPresent(target -> {
			var marker = new ValueMarker(target.doubleValue(), new Color(0x1A, 0x4F, 0x8B), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
					BasicStroke.JOIN_MITER, 10f, new float[] { 4f, 3f }, 0f));
			marker.setLabel("指标 " + BulletinComputation.plain(target));
			marker.setLabelFont(new Font(font, Font.PLAIN, 10));
			marker.setLabelPaint(new Color(0x1A, 0x4F, 0x8B));
			marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
			marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
			plot.addRangeMarker(marker);
			if (scores.getUpperBound() < target.doubleValue() * 1.1) {
				scores.setUpperBound(target.doubleValue() * 1.15);
			}
		});
		int height = 70 + 20 * sequence.rows().size();
		var image = new BufferedImage(WIDTH * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.scale(SCALE, SCALE);
			chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
		}
		finally {
			g.dispose();
		}
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return new Png(out.toByteArray(), WIDTH, height);
	}

	/** The score target all units of the sequence share, if the table's first target is a score. */
	private static Optional<BigDecimal> target(SequenceTable sequence) {
		UnitRow first = sequence.rows().get(0);
		return "SCORE".equals(first.targetMeasure()) && first.target() != null ? Optional.of(first.target()) : Optional.empty();
	}

	/** The first installed family that prints Chinese; the JVM's sans-serif when there is none (looked up once). */
	static String font() {
		String known = family;
		if (known != null) {
			return known;
		}
		Set<String> installed = Set.copyOf(Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
		String found = FAMILIES.stream().filter(installed::contains).filter(RankingChart::printsChinese).findFirst()
			.or(() -> installed.stream().sorted().filter(RankingChart::printsChinese).findFirst())
			.orElse(null);
		if (found == null) {
			log.warn("No installed font prints Chinese (install fonts-wqy-microhei or fonts-noto-cjk): chart labels may show as boxes");
			found = Font.SANS_SERIF;
		}
		family = found;
		return found;
	}

	private static boolean printsChinese(String name) {
		return new Font(name, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1;
	}
}
