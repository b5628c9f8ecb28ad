package palsim.app.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The three figure kinds encode to valid PNG and SVG and draw what they are given. */
class FigureKindsTest {

    /** Figures the experiments will draw, with seeded pseudo-data. */
    static Figure epochCurves(boolean logY) {
        double[] epochs = new double[31];
        for (int e = 0; e < epochs.length; e++) {
            epochs[e] = e;
        }
        EpochCurves curves = new EpochCurves("Alignment of B with Wᵀ", "∠(B, Wᵀ) (°)").logY(logY).showSeeds(true)
                .referenceLine(logY ? 1.0 : 0.0, logY ? "1°" : "0°");
        for (int layer = 1; layer <= 3; layer++) {
            EpochCurves.Panel panel = curves.panel("layer " + layer).referenceLine(40 + 10 * layer, "teacher");
            for (String rule : new String[] {"fa", "pal"}) {
                double[][] seeds = new double[4][epochs.length];
                for (int s = 0; s < seeds.length; s++) {
                    for (int e = 0; e < epochs.length; e++) {
                        double decay = rule.equals("pal") ? Math.exp(-e / (5.0 + s + layer)) : 1.0;
                        seeds[s][e] = 88 * decay + s + Math.sin(e + s) - (rule.equals("pal") && e > 25 ? 20 : 0);
                    }
                }
                seeds[3][10] = Double.NaN;
                panel.rule(rule, epochs, seeds);
            }
        }
        return curves.toFigure();
    }

    static Figure scatter() {
        ClassScatter scatter = new ClassScatter("Latent codes of the test digits", "latent 1", "latent 2");
        for (String rule : new String[] {"bp", "fa", "pal"}) {
            int n = 500;
            double[] xy = new double[2 * n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i % 10;
                double angle = 2 * Math.PI * labels[i] / 10 + 0.3 * Math.sin(i * 12.9898);
                double radius = 1 + 0.4 * Math.cos(i * 78.233) + (rule.equals("fa") ? 0.8 * Math.sin(i) : 0);
                xy[2 * i] = radius * Math.cos(angle);
                xy[2 * i + 1] = radius * Math.sin(angle);
            }
            scatter.panel(rule, xy, labels);
        }
        return scatter.toFigure();
    }

    static Figure traces() {
        Traces traces = new Traces("Output of student and teacher", "time (ms)", "ŭ_N (a.u.)");
        double[] t = new double[200];
        double[] teacher = new double[t.length];
        double[] early = new double[t.length];
        double[] late = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 0.01;
            teacher[i] = Math.floor(i / 50.0) % 2 == 0 ? 0.8 : 0.3;
            early[i] = 0.5 + 0.1 * Math.sin(i / 10.0);
            late[i] = teacher[i] * (1 - Math.exp(-(i % 50) / 5.0)) + 0.55 * Math.exp(-(i % 50) / 5.0);
        }
        traces.panel("epoch 1").dashedLine("teacher", t, teacher).line("pal", t, early);
        traces.panel("epoch 5000").dashedLine("teacher", t, teacher).line("pal", t, late);
        return traces.toFigure();
    }

    private static BufferedImage decodePng(Figure figure) throws IOException {
        byte[] png = FigureEncoder.png(figure);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("ImageIO reads the PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(figure.width() * FigureEncoder.PNG_SCALE);
        assertThat(image.getHeight()).isEqualTo(figure.height() * FigureEncoder.PNG_SCALE);
        return image;
    }

    private static Document parseSvg(Figure figure) throws Exception {
        String svg = FigureEncoder.svg(figure);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo(Integer.toString(figure.width()));
        assertThat(document.getDocumentElement().getAttribute("height")).isEqualTo(Integer.toString(figure.height()));
        assertThat(svg.getBytes(StandardCharsets.UTF_8).length).isLessThan(3_000_000);
        return document;
    }

    private static long pixelsOfColour(BufferedImage image, Color colour) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void epochCurvesAreValidPngAndSvgWithEachRuleInItsColour() throws Exception {
        Figure figure = epochCurves(false);
        BufferedImage image = decodePng(figure);
        assertThat(pixelsOfColour(image, PlotStyle.ruleColour("pal", 0))).as("PAL mean lines").isGreaterThan(500);
        assertThat(pixelsOfColour(image, PlotStyle.ruleColour("fa", 0))).as("FA mean lines").isGreaterThan(500);
        assertThat(pixelsOfColour(image, PlotStyle.ruleColour("bp", 0))).as("no BP was given").isZero();
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).as("white background").isEqualTo(0xFFFFFF);
        assertThat(pixelsOfColour(image, PlotStyle.REFERENCE)).as("dashed reference lines").isGreaterThan(300);
        parseSvg(figure);
    }

    @Test
    void logScaleCopesWithZeroAndNegativeValues() throws Exception {
        EpochCurves curves = new EpochCurves("log", "mse").logY(true).referenceLine(0, "zero is not drawable");
        curves.panel("network").rule("pal", new double[] {0, 1, 2}, new double[][] {{1, 0, -1}, {0.5, 0.1, 1e-3}});
        decodePng(curves.toFigure());
        parseSvg(epochCurves(true));
    }

    @Test
    void panelWithoutDataStillDraws() throws IOException {
        EpochCurves curves = new EpochCurves("empty", "value");
        curves.panel("nothing").rule("pal", new double[] {0, 1}, new double[][] {{Double.NaN, Double.NaN}});
        decodePng(curves.toFigure());
    }

    @Test
    void scatterIsValidPngAndSvgWithClassColours() throws Exception {
        Figure figure = scatter();
        BufferedImage image = decodePng(figure);
        assertThat(figure.width()).isEqualTo(3 * 420);
        parseSvg(figure);
        assertThat(image).isNotNull();
    }

    @Test
    void tracesAreValidPngAndSvg() throws Exception {
        Figure figure = traces();
        BufferedImage image = decodePng(figure);
        assertThat(pixelsOfColour(image, PlotStyle.ruleColour("pal", 0))).isGreaterThan(200);
        parseSvg(figure);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> new EpochCurves("t", "y").panel("p").rule("pal", new double[] {0, 1}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pal");
        assertThatThrownBy(() -> new ClassScatter("t", "x", "y").panel("bp", new double[] {1, 2, 3}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Traces("t", "x", "y").panel("p").line("a", new double[] {0}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLegendTooWideForItsFigureWrapsIntoMoreRowsInsteadOfBeingCutOff() {
        double[] epochs = {0, 1, 2};
        double[][] seeds = {{90, 60, 30}, {88, 62, 31}};
        EpochCurves few = new EpochCurves("lin_sep", "accuracy").referenceLine(0.1, "chance");
        EpochCurves many = new EpochCurves("lin_sep", "accuracy").referenceLine(0.1, "chance");
        EpochCurves.Panel panel = many.panel("population 2");
        for (String rule : new String[] {"bp", "fa", "dfa", "sign_symmetry", "kolen_pollack", "weight_mirror", "pal"}) {
            panel.rule(rule, epochs, seeds);
        }
        few.panel("population 2").rule("bp", epochs, seeds).rule("pal", epochs, seeds);
        Figure one = few.toFigure();
        Figure wrapped = many.toFigure();
        assertThat(wrapped.width()).isEqualTo(one.width());
        assertThat(wrapped.height()).as("a second legend row").isEqualTo(one.height() + PanelGrid.LEGEND_HEIGHT);
        BufferedImage image = new BufferedImage(wrapped.width(), wrapped.height(), BufferedImage.TYPE_INT_RGB);
        wrapped.paint(image.createGraphics());
        int legendRow2 = PanelGrid.TITLE_HEIGHT + PanelGrid.LEGEND_HEIGHT + PanelGrid.LEGEND_HEIGHT / 2;
        int purple = 0;
        Color pal = PlotStyle.ruleColour("pal", 6);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = legendRow2 - 3; y <= legendRow2 + 3; y++) {
                purple += image.getRGB(x, y) == pal.getRGB() ? 1 : 0;
            }
        }
        assertThat(purple).as("pal's legend sample in the second row").isGreaterThan(5);
    }
}
