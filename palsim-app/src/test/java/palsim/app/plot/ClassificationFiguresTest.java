package palsim.app.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import palsim.app.metrics.ConfusionCounts;

/** The classification figures encode to valid PNG and SVG, draw what they are given and reject bad shapes. */
class ClassificationFiguresTest {
    private static final int[] SIZES = {5, 10, 20, 30, 60, 120};

    private static BufferedImage png(Figure figure) throws Exception {
        byte[] bytes = FigureEncoder.png(figure);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(figure.width() * FigureEncoder.PNG_SCALE);
        assertThat(image.getHeight()).isEqualTo(figure.height() * FigureEncoder.PNG_SCALE);
        return image;
    }

    private static Document svg(Figure figure) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(FigureEncoder.svg(figure))));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo(Integer.toString(figure.width()));
        return document;
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    private static long pixelsOfColour(BufferedImage image, Color colour) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }

    private static Map<String, XYSeries> series(Figure figure, int panel) {
        return ((PanelGrid) figure).panels().get(panel).getSeriesMap();
    }

    // -- final accuracy per rule ------------------------------------------------------------------

    private static Figure ruleAccuracies() {
        RuleAccuracies figure = new RuleAccuracies("Final test accuracy", "test accuracy (%)").referenceLine(1 / 3.0, "chance");
        figure.panel("Yin-Yang").rule("bp", new double[] {0.95, 0.96, 0.94})
                .rule("pal", new double[] {0.91, 0.93, 0.92, Double.NaN}).rule("fa", new double[] {0.86, 0.88, 0.87});
        figure.panel("MNIST").rule("pal", new double[] {0.97});
        return figure.toFigure();
    }

    @Test
    void ruleAccuraciesDrawEachRulesMeanStdAndSeedsInPercent() throws Exception {
        Figure figure = ruleAccuracies();
        BufferedImage image = png(figure);
        assertThat(pixelsOfColour(image, PlotStyle.ruleColour("pal", 0))).as("PAL's bar and whisker").isGreaterThan(100);
        Map<String, XYSeries> yinYang = series(figure, 0);
        // Per rule: the seeds, the mean bar and the whisker with its two caps; plus the chance line.
        assertThat(yinYang).hasSize(3 * 5 + 1);
        assertThat(yinYang.get("pal").getYData()).containsExactly(92.0, 92.0);
        assertThat(yinYang.get("pal seeds").getYData()).as("the NaN seed is left out").containsExactly(91.0, 93.0, 92.0);
        assertThat(yinYang.get("pal std").getYData()[1] - 92.0).isCloseTo(Math.sqrt(2 / 3.0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(yinYang.get("ref 0").getYData()).containsExactly(Percent.of(1 / 3.0), Percent.of(1 / 3.0));
        assertThat(series(figure, 1)).containsKeys("pal", "pal seeds");
        assertThat(texts(svg(figure))).contains("bp", "pal", "fa", "chance", "mean (bar) ± std (whisker) over seeds",
                "single seeds (dots)");
    }

    @Test
    void ruleAccuraciesRejectPercentagesEmptyRulesAndRepeats() {
        RuleAccuracies figure = new RuleAccuracies("t", "y");
        assertThatThrownBy(() -> figure.panel("p").rule("pal", new double[] {92.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a fraction");
        assertThatThrownBy(() -> figure.panel("p").rule("pal", new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no seeds");
        assertThatThrownBy(() -> figure.panel("p").rule("pal", new double[] {0.9}).rule("pal", new double[] {0.8}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> figure.referenceLine(33, "chance")).isInstanceOf(IllegalArgumentException.class);
    }

    // -- accuracy against hidden size -------------------------------------------------------------

    private static double[][] accuracies(double offset, int seeds) {
        double[][] perSeed = new double[seeds][SIZES.length];
        for (int s = 0; s < seeds; s++) {
            for (int i = 0; i < SIZES.length; i++) {
                perSeed[s][i] = Math.min(1, 0.6 + offset + 0.06 * i + 0.01 * s);
            }
        }
        return perSeed;
    }

    @Test
    void hiddenSizeCurvesDrawOneLineWithBandPerRuleOverSizeCategories() throws Exception {
        HiddenSizeCurves curves = new HiddenSizeCurves("Test accuracy against hidden size", "test accuracy (%)")
                .showSeeds(true).referenceLine(0.9, "target 90 %");
        HiddenSizeCurves.Panel panel = curves.panel("Yin-Yang");
        panel.rule("bp", SIZES, accuracies(0.05, 3)).rule("pal", SIZES, accuracies(0, 3));
        // FA's sizes in another order and one size fewer: drawn at the same places as the others'.
        panel.rule("fa", new int[] {20, 5, 10, 120, 60}, new double[][] {{0.7, 0.5, 0.6, 0.9, 0.8}});
        Figure figure = curves.toFigure();
        BufferedImage image = png(figure);
        assertThat(pixelsOfColour(image, PlotStyle.ruleColour("fa", 0))).isGreaterThan(100);
        Map<String, XYSeries> s = series(figure, 0);
        // bp and pal: line, band, seeds; fa (one seed): line only; the target line.
        assertThat(s.keySet()).containsExactlyInAnyOrder("bp", "bp ± std", "bp seeds", "pal", "pal ± std", "pal seeds",
                "fa", "fa seeds", "ref 0", "size 5", "size 10", "size 20", "size 30", "size 60", "size 120");
        assertThat(s.get("fa").getXData()).containsExactly(0.0, 1.0, 2.0, 4.0, 5.0);
        assertThat(s.get("fa").getYData()).containsExactly(50.0, 60.0, 70.0, 80.0, 90.0);
        assertThat(s.get("pal").getXData()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(s.get("pal").getYData()[0]).isCloseTo(61.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.get("pal seeds").getXData()).hasSize(3 * SIZES.length);
        // XChart draws its text as outlines; the legend (palsim's own) is text.
        assertThat(texts(svg(figure))).contains("target 90 %", "mean (line) ± std (band) over seeds",
                "single seeds (dots)");
        // One guide line per size, at its position.
        assertThat(s.get("size 5").getXData()).containsExactly(0.0, 0.0);
        assertThat(s.get("size 120").getXData()).containsExactly(5.0, 5.0);
    }

    @Test
    void hiddenSizeCurvesDrawUnevenAndSparseSizesAndMissingValues() throws Exception {
        // Sizes that differ between rules, a size without any value and a one-size panel: XChart's
        // own tick search would not end for such axes with category labels.
        HiddenSizeCurves curves = new HiddenSizeCurves("t", "test accuracy (%)").referenceLine(0.7, "target");
        curves.panel("uneven").rule("pal", new int[] {5, 20}, new double[][] {{0.5, 0.6}})
                .rule("fa", new int[] {10, 30, 40}, new double[][] {{0.5, 0.6, Double.NaN}});
        curves.panel("one size").rule("pal", new int[] {5}, new double[][] {{0.5}, {0.6}});
        Figure figure = curves.toFigure();
        png(figure);
        svg(figure);
        assertThat(series(figure, 0).get("fa").getXData()).containsExactly(1.0, 3.0);
        assertThat(series(figure, 0)).containsKeys("size 5", "size 10", "size 20", "size 30", "size 40");
    }

    @Test
    void hiddenSizeCurvesRejectBadShapes() {
        HiddenSizeCurves.Panel panel = new HiddenSizeCurves("t", "y").panel("p");
        assertThatThrownBy(() -> panel.rule("pal", SIZES, new double[][] {{0.5, 0.6}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 accuracies for 6 sizes");
        assertThatThrownBy(() -> panel.rule("pal", new int[] {5, 5}, new double[][] {{0.5, 0.6}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> panel.rule("pal", new int[] {0}, new double[][] {{0.5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
        assertThatThrownBy(() -> panel.rule("pal", new int[] {5}, new double[][] {{50}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a fraction");
        assertThatThrownBy(() -> panel.rule("pal", new int[] {5}, new double[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no seeds");
    }

    // -- confusion matrix -------------------------------------------------------------------------

    @Test
    void confusionMatrixShowsEveryCountWithClassNamesAndShadesByRowShare() throws Exception {
        ConfusionCounts pal = new ConfusionCounts(new long[][] {{2800, 150, 50}, {100, 2900, 70}, {0, 0, 2930}});
        Figure figure = new ConfusionMatrixFigure("Test confusion matrix", List.of("yang", "yin", "dot"))
                .panel("pal", pal).panel("fa", new long[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}).toFigure();
        BufferedImage image = png(figure);
        // The dot row's diagonal cell holds the whole row: fully coloured.
        assertThat(pixelsOfColour(image, ConfusionMatrixFigure.FULL)).isGreaterThan(1000);
        List<String> texts = texts(svg(figure));
        assertThat(texts).contains("2800", "150", "50", "100", "2900", "70", "2930", "9", "yang", "yin", "dot",
                "predicted class", "true class", "pal", "fa", "numbers = samples");
        assertThat(texts.stream().filter("0"::equals).count()).as("the two empty cells").isEqualTo(2);
    }

    @Test
    void confusionMatrixCanShowRowPercentages() throws Exception {
        Figure figure = new ConfusionMatrixFigure("c", List.of("a", "b"))
                .cellText(ConfusionMatrixFigure.CellText.ROW_PERCENT)
                .panel("pal", new long[][] {{3, 1}, {0, 0}}).toFigure();
        assertThat(texts(svg(figure))).contains("75.0", "25.0", "–", "numbers = % of the row");
        png(figure);
    }

    @Test
    void confusionMatrixShadesFromWhiteToFull() {
        assertThat(ConfusionMatrixFigure.shade(0)).isEqualTo(Color.WHITE);
        assertThat(ConfusionMatrixFigure.shade(1)).isEqualTo(ConfusionMatrixFigure.FULL);
        assertThat(ConfusionMatrixFigure.shade(0.5).getRed()).isBetween(ConfusionMatrixFigure.FULL.getRed(), 255);
    }

    @Test
    void confusionMatrixRejectsAMatrixOfTheWrongSize() {
        ConfusionMatrixFigure figure = new ConfusionMatrixFigure("c", List.of("a", "b", "c"));
        assertThatThrownBy(() -> figure.panel("pal", new long[][] {{1, 2}, {3, 4}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 classes for 3 class names");
        assertThatThrownBy(() -> figure.panel("pal", new long[][] {{1, 2, 3}, {3, 4}, {1, 1, 1}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(figure::toFigure).isInstanceOf(IllegalArgumentException.class);
    }

    // -- Yin-Yang plane ---------------------------------------------------------------------------

    @Test
    void yinYangPlaneColoursByPredictionAndCrossesOutTheMisclassified() throws Exception {
        int n = 60;
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = 0.5 + 0.4 * Math.cos(i);
            xy[2 * i + 1] = 0.5 + 0.4 * Math.sin(i);
            labels[i] = i % 3;
            predicted[i] = i % 10 == 0 ? (labels[i] + 1) % 3 : labels[i];
        }
        Figure figure = new YinYangPlane("Yin-Yang test points", List.of("yang", "yin", "dot"))
                .panel("pal", xy, labels, predicted).toFigure();
        BufferedImage image = png(figure);
        assertThat(pixelsOfColour(image, Color.BLACK)).as("crosses").isGreaterThan(20);
        XYChart chart = ((PanelGrid) figure).panels().getFirst();
        assertThat(chart.getTitle()).isEqualTo("pal — 90.0 % correct");
        Map<String, XYSeries> s = chart.getSeriesMap();
        assertThat(s.keySet()).containsExactlyInAnyOrder("disc", "left dot", "right dot", "s-line left", "s-line right",
                "predicted 0", "predicted 1", "predicted 2", "misclassified");
        assertThat(s.get("misclassified").getXData()).hasSize(6);
        assertThat(s.get("misclassified").getXData()[0]).isEqualTo(xy[0]);
        int predictedZero = 0;
        for (int p : predicted) {
            predictedZero += p == 0 ? 1 : 0;
        }
        assertThat(s.get("predicted 0").getXData()).hasSize(predictedZero);
        // The S-line runs from (0, 0.5) through the centre to (1, 0.5).
        double[] left = s.get("s-line left").getXData();
        assertThat(left[0]).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(left[left.length - 1]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(texts(svg(figure))).contains("predicted yang", "predicted yin", "predicted dot", "misclassified",
                "true class boundaries");
    }

    @Test
    void yinYangPlaneRejectsBadShapesAndClasses() {
        YinYangPlane plane = new YinYangPlane("t", List.of("yang", "yin", "dot"));
        assertThatThrownBy(() -> plane.panel("p", new double[3], new int[] {0, 1}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 coordinates per point");
        assertThatThrownBy(() -> plane.panel("p", new double[4], new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plane.panel("p", new double[2], new int[] {3}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 0");
    }

    // -- accuracies in percent --------------------------------------------------------------------

    @Test
    void percentConvertsFractionCurvesForEpochCurves() throws Exception {
        double[][] validation = {{0.33, 0.8, Double.NaN}, {0.35, 0.85, 0.9}};
        double[][] percent = Percent.of(validation);
        assertThat(percent[1]).containsExactly(35.0, 85.0, 90.0);
        assertThat(percent[0][2]).isNaN();
        assertThat(validation[0][0]).as("input untouched").isEqualTo(0.33);
        EpochCurves curves = new EpochCurves("Validation accuracy", "validation accuracy (%)").showSeeds(true);
        curves.panel("Yin-Yang").rule("pal", new double[] {0, 1, 2}, percent);
        png(curves.toFigure());
    }
}
