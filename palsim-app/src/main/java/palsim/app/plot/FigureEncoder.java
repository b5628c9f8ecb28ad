package palsim.app.plot;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;
import palsim.app.PhaseLog;

/**
 * Turns a {@link Figure} into file contents: PNG through a bitmap (at twice the nominal size, for
 * crisp print and high-density screens) and SVG by painting onto Batik's SVG generator over a DOM
 * document from the JDK. Both need no display ({@code java.awt.headless=true}).
 */
public final class FigureEncoder {
    /** Pixels per figure unit in PNGs. */
    public static final int PNG_SCALE = 2;
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");
    private static final AtomicBoolean WARMING_UP = new AtomicBoolean();

    private FigureEncoder() {}

    /**
     * Starts, once per JVM, a background daemon thread that encodes a small sample figure as PNG and
     * SVG and throws the result away. The first figure of a JVM pays about a second for loading
     * fonts, Java2D's rasteriser, the PNG writer and Batik and for running their code cold; started
     * when a run begins, the warm-up does that work while the simulation runs (on a core the run
     * leaves idle, if any), and the run's own figures then take a fraction of it. Results are
     * unaffected: nothing of the sample figure is kept.
     */
    public static void warmUpInBackground() {
        if (!WARMING_UP.compareAndSet(false, true)) {
            return;
        }
        Thread warmUp = new Thread(FigureEncoder::encodeSample, "palsim-figure-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private static void encodeSample() {
        try {
            double[] x = {0, 1, 2, 3};
            double[][] y = {{90, 40, 20, 10}, {80, 50, 30, 20}};
            EpochCurves sample = new EpochCurves("warm-up ∠(B, Wᵀ) (°)", "∠ (°)").showSeeds(true).referenceLine(0, "0°");
            sample.panel("B_1").rule("pal", x, y).rule("fa", x, y);
            Figure figure = sample.toFigure();
            png(figure, 1);
            svg(figure);
            PhaseLog.mark("figure warm-up done");
        } catch (RuntimeException | LinkageError e) {
            // Only a warm-up: the run's own figures report any real problem.
        }
    }

    /** The figure as PNG bytes at {@link #PNG_SCALE}. */
    public static byte[] png(Figure figure) {
        return png(figure, PNG_SCALE);
    }

    /** The figure as PNG bytes, {@code scale} pixels per unit. */
    public static byte[] png(Figure figure, int scale) {
        BufferedImage image = new BufferedImage(figure.width() * scale, figure.height() * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            figure.paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Buffered in memory: ImageIO's default for a stream is a cache file in the temporary directory.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The figure as a standalone SVG document (UTF-8 text). */
    public static String svg(Figure figure) {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder available", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("palsim figure");
        // Text as <text> elements (searchable, editable), not as glyph outlines.
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension(figure.width(), figure.height()));
        figure.paint(g);
        StringWriter out = new StringWriter();
        try {
            g.stream(out, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            g.dispose();
        }
        // The DOCTYPE points at an external DTD that SVG 1.1+ tools do not need; XML tools that follow it
        // would go to the network.
        return DOCTYPE.matcher(out.toString()).replaceFirst("");
    }
}
