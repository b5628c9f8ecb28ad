package palsim.app.experiment.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SequencedMap;
import palsim.app.data.DataSplit;
import palsim.app.experiment.EpochPanels;
import palsim.app.experiment.ExperimentContext;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.SeedCurves;
import palsim.app.metrics.ConfusionCounts;
import palsim.app.metrics.SmallestSufficientSize;
import palsim.app.plot.ConfusionMatrixFigure;
import palsim.app.plot.EpochCurves;
import palsim.app.plot.Figure;
import palsim.app.plot.HiddenSizeCurves;
import palsim.app.plot.Percent;
import palsim.app.plot.RuleAccuracies;
import palsim.app.plot.YinYangPlane;

/**
 * The figures of a classification run: validation accuracy against epoch, ∠(B, Wᵀ) against
 * epoch, the final test accuracy per rule, the test confusion matrix per rule (summed over seeds),
 * for Yin-Yang the test points coloured by the first seed's decisions, and for a hidden-size study
 * test accuracy against hidden size (whose summary names the smallest sufficient size per rule).
 */
final class ClassificationFigures {
    private ClassificationFigures() {}

    static void write(ExperimentContext<ClassificationSettings> context, ClassificationSettings settings, DataSplit split,
            Map<String, ClassificationRecorder.TestResults> tests) {
        SequencedMap<String, Figure> figures = new LinkedHashMap<>();
        MetricsSink metrics = context.metrics();
        List<Long> seeds = context.common().seeds();

        EpochCurves validation = new EpochCurves("Validation accuracy", "accuracy (%)").showSeeds(true);
        EpochCurves.Panel panel = validation.panel("validation set");
        for (String label : settings.rules()) {
            SeedCurves c = metrics.curves(label, MetricNames.VAL_ACC, MetricsSink.NETWORK);
            if (!c.isEmpty()) {
                panel.rule(label, c.epochAxis(), Percent.of(c.values()));
            }
        }
        figures.put(MetricNames.VAL_ACC, validation.toFigure());

        EpochCurves angle = new EpochCurves("Alignment of B with Wᵀ", "∠(B, Wᵀ) (°)").showSeeds(true)
                .referenceLine(0, "0° (aligned)");
        int hidden = settings.circuits().getFirst().spec().pyramidalLayers() - 1;
        for (int l = 1; l <= hidden; l++) {
            EpochPanels.add(angle, "B_" + l + " (layer " + l + ")", metrics, settings.rules(), MetricNames.ANGLE_B_WT, l);
        }
        figures.put(MetricNames.ANGLE_B_WT, angle.toFigure());

        RuleAccuracies accuracies = new RuleAccuracies("Test accuracy after " + epochs(settings.epochs()),
                "test accuracy (%)");
        RuleAccuracies.Panel bars = accuracies.panel("test set");
        for (String label : settings.rules()) {
            bars.rule(label, testAccuracies(metrics, label));
        }
        figures.put(MetricNames.TEST_ACC, accuracies.toFigure());

        List<String> classNames = settings.data().classNames();
        ConfusionMatrixFigure confusion = new ConfusionMatrixFigure("Test confusion matrix, summed over seeds", classNames)
                .cellText(ConfusionMatrixFigure.CellText.ROW_PERCENT);
        for (String label : settings.rules()) {
            List<ConfusionCounts> perSeed = new ArrayList<>();
            for (long seed : seeds) {
                ClassificationRecorder.TestResults r = tests.get(ClassificationRecorder.key(label, seed));
                if (r != null) {
                    perSeed.add(ConfusionCounts.of(r.labels(), r.predictions(), r.classes()));
                }
            }
            if (!perSeed.isEmpty()) {
                confusion.panel(label, ConfusionCounts.sum(perSeed));
            }
        }
        figures.put("confusion", confusion.toFigure());

        if (settings.data().dataset().equals(ClassificationData.YINYANG)) {
            figures.put("yinyang_plane", plane(settings, split, tests, seeds.getFirst()));
        }
        if (settings.hiddenSizes().length > 0) {
            figures.put("accuracy_vs_hidden", hiddenSizes(context, settings, seeds));
        }
        context.output().writeFigures(figures, context.executor());
    }

    private static String epochs(int epochs) {
        return epochs + (epochs == 1 ? " epoch" : " epochs");
    }

    /** Each seed's final test accuracy (NaN for a circuit that recorded none). */
    private static double[] testAccuracies(MetricsSink metrics, String label) {
        SeedCurves c = metrics.curves(label, MetricNames.TEST_ACC, MetricsSink.NETWORK);
        double[] values = new double[Math.max(1, c.seeds().length)];
        java.util.Arrays.fill(values, Double.NaN);
        for (int s = 0; s < c.seeds().length; s++) {
            values[s] = c.values()[s][c.values()[s].length - 1];
        }
        return values;
    }

    /** The test points of the first seed coloured by each rule's decisions. */
    private static Figure plane(ClassificationSettings settings, DataSplit split,
            Map<String, ClassificationRecorder.TestResults> tests, long seed) {
        float[] f = split.test().features();
        int count = split.test().size();
        int dimension = split.test().dimension();
        double[] xy = new double[2 * count];
        for (int i = 0; i < count; i++) {
            xy[2 * i] = f[i * dimension];
            xy[2 * i + 1] = f[i * dimension + 1];
        }
        YinYangPlane plane = new YinYangPlane("Test points by decided class (seed " + seed + ")", settings.data().classNames());
        for (String label : settings.rules()) {
            ClassificationRecorder.TestResults r = tests.get(ClassificationRecorder.key(label, seed));
            if (r != null) {
                plane.panel(label, xy, r.labels(), r.predictions());
            }
        }
        return plane.toFigure();
    }

    /** Test accuracy against hidden size, one line per rule entry; the summary's smallest sufficient size. */
    private static Figure hiddenSizes(ExperimentContext<ClassificationSettings> context, ClassificationSettings settings,
            List<Long> seeds) {
        int[] sizes = settings.hiddenSizes();
        HiddenSizeCurves figure = new HiddenSizeCurves("Test accuracy against hidden-layer size", "test accuracy (%)")
                .showSeeds(true).referenceLine(settings.accuracyTarget(), "target " + Math.round(100 * settings.accuracyTarget()) + " %");
        HiddenSizeCurves.Panel panel = figure.panel("test set after " + epochs(settings.epochs()));
        StringBuilder json = new StringBuilder("{\n  \"accuracy_target\": " + settings.accuracyTarget()
                + ",\n  \"hidden_sizes\": " + java.util.Arrays.toString(sizes) + ",\n  \"smallest_sufficient_size\": {");
        String separator = "\n";
        for (String rule : settings.ruleEntries()) {
            double[][] perSeed = new double[seeds.size()][sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                double[] acc = testAccuracies(context.metrics(), rule + "_h" + sizes[i]);
                for (int s = 0; s < seeds.size(); s++) {
                    perSeed[s][i] = s < acc.length ? acc[s] : Double.NaN;
                }
            }
            panel.rule(rule, sizes, perSeed);
            OptionalInt smallest = SmallestSufficientSize.ofSeeds(sizes, perSeed, settings.accuracyTarget());
            context.headline(SmallestSufficientSize.describe(rule, smallest, sizes, settings.accuracyTarget()));
            json.append(separator).append("    \"").append(rule).append("\": ")
                    .append(smallest.isPresent() ? Integer.toString(smallest.getAsInt()) : "null");
            separator = ",\n";
        }
        // the summary of the study: per rule, the smallest size whose mean test accuracy reaches the target
        context.output().writeText("hidden_sizes.json", json.append("\n  }\n}\n").toString());
        return figure.toFigure();
    }
}
