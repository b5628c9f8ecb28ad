package palsim.app.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.DrawnTickLabels;

/** Every axis of a figure shows its tick labels in one number format; epoch axes show whole epochs only. */
class TickFormatsTest {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern SCIENTIFIC = Pattern.compile("-?\\d(\\.\\d)?E-?\\d+");

    /** One panel of {@code epochs + 1} points per seed spanning {@code low … high} on the y axis, painted. */
    private static XYChart painted(int epochs, double low, double high, boolean logY) {
        double[] x = new double[epochs + 1];
        double[][] seeds = new double[3][epochs + 1];
        for (int e = 0; e <= epochs; e++) {
            x[e] = e;
            for (int s = 0; s < seeds.length; s++) {
                double t = epochs == 0 ? 0 : (double) e / epochs;
                seeds[s][e] = logY ? low * Math.pow(high / low, Math.abs(t - 0.1 * s)) : low + (high - low) * Math.abs(t - 0.1 * s);
            }
        }
        EpochCurves curves = new EpochCurves("t", "y").logY(logY).showSeeds(true);
        curves.panel("p").rule("pal", x, seeds);
        Figure figure = curves.toFigure();
        FigureEncoder.png(figure);
        return ((PanelGrid) figure).panels().get(0);
    }

    /** Every label has the same number of decimals, with a leading digit (no ".09"). */
    private static void assertOnePlainFormat(List<String> labels) {
        assertThat(labels).as("labels").hasSizeGreaterThan(1);
        int decimals = decimals(labels.get(0));
        assertThat(labels).as("labels %s", labels)
                .allSatisfy(l -> assertThat(l).matches("-?\\d+(\\.\\d+)?"))
                .allSatisfy(l -> assertThat(decimals(l)).isEqualTo(decimals));
    }

    private static int decimals(String label) {
        int dot = label.indexOf('.');
        return dot < 0 ? 0 : label.length() - dot - 1;
    }

    @Test
    void oneEpochRunShowsWholeEpochsOnly() {
        XYChart chart = painted(1, 0.05, 0.12, false);
        assertThat(DrawnTickLabels.x(chart)).isNotEmpty().allSatisfy(l -> assertThat(l).matches(INTEGER))
                .containsOnly("0", "1");
        assertOnePlainFormat(DrawnTickLabels.y(chart));
    }

    @Test
    void linearAxesShareTheirDecimals() {
        for (double[] range : new double[][] {{0.05, 0.12}, {0.0817, 0.0831}, {0, 1}, {3, 97}, {-30, 2.5}, {0.0012, 0.009}}) {
            XYChart chart = painted(6, range[0], range[1], false);
            assertOnePlainFormat(DrawnTickLabels.y(chart));
            assertThat(DrawnTickLabels.x(chart)).allSatisfy(l -> assertThat(l).matches(INTEGER));
        }
    }

    @Test
    void tinyOrHugeLinearValuesAreScientificThroughout() {
        for (double[] range : new double[][] {{1e-5, 9e-4}, {0, 250000}}) {
            assertThat(DrawnTickLabels.y(painted(6, range[0], range[1], false))).as("%s", range[1]).hasSizeGreaterThan(1)
                    .allSatisfy(l -> assertThat(l).matches(SCIENTIFIC));
        }
    }

    @Test
    void logAxesArePlainOrScientificButNeverBoth() {
        assertThat(DrawnTickLabels.y(painted(30, 2e-6, 0.4, true))).hasSizeGreaterThan(3)
                .allSatisfy(l -> assertThat(l).matches("1E-?\\d+"));
        assertThat(DrawnTickLabels.y(painted(30, 3e-3, 12, true))).hasSizeGreaterThan(2)
                .allSatisfy(l -> assertThat(l).matches("\\d+(\\.\\d+)?"));
    }

    @Test
    void patternsFollowTheRange() {
        assertThat(TickFormats.linear(0.05, 0.12)).isEqualTo("0.00");
        assertThat(TickFormats.linear(0, 100)).isEqualTo("0");
        assertThat(TickFormats.linear(0, 1)).isEqualTo("0.0");
        assertThat(TickFormats.linear(5, 5)).isEqualTo("0");
        assertThat(TickFormats.linear(0, 0)).isEqualTo("0");
        assertThat(TickFormats.logarithmic(1e-6, 1)).isEqualTo("0E0");
        assertThat(TickFormats.logarithmic(0.01, 10)).isEqualTo("0.###");
        assertThat(TickFormats.logarithmic(8e-4, 1.3)).as("labelled powers 0.001 … 1").isEqualTo("0.###");
        assertThat(TickFormats.logarithmic(8e-4, 1.2e4)).isEqualTo("0E0");
    }
}
