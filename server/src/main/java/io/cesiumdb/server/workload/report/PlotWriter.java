package io.cesiumdb.server.workload.report;

import io.cesiumdb.server.workload.history.Op;
import io.cesiumdb.server.workload.history.OpPair;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a run as one PNG of two XChart charts, one above the other: the workload's read value (the
 * bank's total, ...) over time, and the latency of every completed op over time (ok, failed and
 * unknown in their own colours). Nemesis windows are shaded red on both.
 */
public final class PlotWriter {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 420;
  private static final Color NEMESIS = new Color(220, 40, 40, 50);

  private PlotWriter() {}

  /**
   * Writes the plot of {@code ops} to {@code file} (PNG).
   *
   * @param label the name of the read value
   * @param readValue the value drawn for an ok read's result
   */
  public static void write(
      List<Op> ops, String label, ToDoubleFunction<Object> readValue, Path file)
      throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    List<double[]> windows = NemesisWindows.of(ops);
    BufferedImage top = BitmapEncoder.getBufferedImage(valueChart(ops, label, readValue, windows));
    BufferedImage bottom = BitmapEncoder.getBufferedImage(latencyChart(ops, windows));
    BufferedImage both = new BufferedImage(WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = both.createGraphics();
    g.drawImage(top, 0, 0, null);
    g.drawImage(bottom, 0, HEIGHT, null);
    g.dispose();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(both, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }

  private static XYChart valueChart(
      List<Op> ops, String label, ToDoubleFunction<Object> readValue, List<double[]> windows) {
    XYChart chart = chart(label + " seen by reads", label);
    Series s = new Series();
    for (OpPair p : OpPair.withF(OpPair.pairs(ops), "read")) {
      if (p.ok()) {
        s.add(seconds(p.completeNanos()), readValue.applyAsDouble(p.result()));
      }
    }
    add(chart, label, s, Color.BLUE);
    shade(chart, windows, s.max());
    return chart;
  }

  private static XYChart latencyChart(List<Op> ops, List<double[]> windows) {
    XYChart chart = chart("latency of every op", "latency (ms)");
    Series ok = new Series();
    Series failed = new Series();
    Series unknown = new Series();
    for (Op op : ops) {
      if (op.isClient() && op.isCompletion()) {
        Series s =
            switch (op.type()) {
              case OK -> ok;
              case FAIL -> failed;
              default -> unknown;
            };
        s.add(seconds(op.timeNanos()), op.latencyNanos() / 1e6);
      }
    }
    add(chart, "ok", ok, new Color(30, 130, 30));
    add(chart, "failed", failed, Color.RED);
    add(chart, "unknown", unknown, Color.ORANGE);
    shade(chart, windows, Math.max(ok.max(), Math.max(failed.max(), unknown.max())));
    if (chart.getSeriesMap().isEmpty()) {
      add(chart, "no ops", Series.origin(), Color.GRAY);
    }
    return chart;
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle("time (s)")
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(3);
    return chart;
  }

  private static void add(XYChart chart, String name, Series s, Color color) {
    if (s.isEmpty()) {
      return;
    }
    XYSeries series = chart.addSeries(name, s.xs(), s.ys());
    series.setMarkerColor(color);
    series.setMarker(SeriesMarkers.CIRCLE);
  }

  private static void shade(XYChart chart, List<double[]> windows, double top) {
    if (windows.isEmpty()) {
      return;
    }
    Series area = new Series();
    for (double[] w : windows) {
      area.add(w[0], 0);
      area.add(w[0], top);
      area.add(w[1], top);
      area.add(w[1], 0);
    }
    XYSeries s = chart.addSeries("nemesis", area.xs(), area.ys());
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    s.setMarker(SeriesMarkers.NONE);
    s.setFillColor(NEMESIS);
    s.setLineColor(NEMESIS);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** Points of one series. */
  private static final class Series {
    private final List<double[]> points = new ArrayList<>();

    static Series origin() {
      Series s = new Series();
      s.add(0, 0);
      return s;
    }

    void add(double x, double y) {
      points.add(new double[] {x, y});
    }

    boolean isEmpty() {
      return points.isEmpty();
    }

    double max() {
      return points.stream().mapToDouble(p -> p[1]).max().orElse(1);
    }

    double[] xs() {
      return points.stream().mapToDouble(p -> p[0]).toArray();
    }

    double[] ys() {
      return points.stream().mapToDouble(p -> p[1]).toArray();
    }
  }
}
