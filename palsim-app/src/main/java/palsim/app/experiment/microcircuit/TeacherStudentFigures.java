package palsim.app.experiment.microcircuit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import palsim.app.experiment.EpochPanels;
import palsim.app.experiment.ExperimentContext;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.app.plot.EpochCurves;
import palsim.app.plot.Figure;
import palsim.app.plot.Traces;
import palsim.core.microcircuit.WeightSnapshot;
import palsim.core.microcircuit.protocol.OutputTrace;

/** The figures of task {@code fw_bw} (paper Fig. 1d/1e), built from what the run recorded. */
final class TeacherStudentFigures {
    private TeacherStudentFigures() {}

    /**
     * Writes {@code b_feedback}, {@code w_forward}, {@code mse}, {@code angle_B_WT},
     * {@code output_trace} and, with the update angle on, {@code angle_dW_BP}.
     *
     * @param teacher the teacher's weights (reference lines)
     * @param traces the first seed's output trace per rule
     * @param firstSeed the traced seed
     */
    static void write(ExperimentContext<TeacherStudentSettings> context, WeightSnapshot teacher, int[] layers,
            Map<String, OutputTrace> traces, long firstSeed) {
        List<String> rules = context.settings().rules();
        MetricsSink metrics = context.metrics();
        int top = layers.length - 1;
        SequencedMap<String, Figure> figures = new LinkedHashMap<>();

        EpochCurves feedback = new EpochCurves("Feedback weights (Fig. 1d)", "feedback weight").showSeeds(true).referenceLine(0, "0");
        boolean anyFeedback = false;
        for (int l = 1; l < top; l++) {
            if (layers[l] * layers[l + 1] == 1) {
                EpochPanels.add(feedback, "B_" + l, metrics, rules, MetricNames.B_FEEDBACK, l);
                anyFeedback = true;
            }
        }
        if (anyFeedback) {
            figures.put(MetricNames.B_FEEDBACK, feedback.toFigure());
        }

        EpochCurves forward = new EpochCurves("Forward weights (Fig. 1e)", "forward weight").showSeeds(true);
        boolean anyForward = false;
        for (int l = 1; l <= top; l++) {
            if (layers[l] * layers[l - 1] == 1) {
                EpochPanels.add(forward, "W_" + l, metrics, rules, MetricNames.W_FORWARD, l)
                        .referenceLine(teacher.forward(l)[0], "teacher");
                anyForward = true;
            }
        }
        if (anyForward) {
            figures.put(MetricNames.W_FORWARD, forward.toFigure());
        }

        EpochCurves loss = new EpochCurves("Output error (Fig. 1e)", "‖ŭ_N − u_tgt‖², epoch mean").logY(true).showSeeds(true);
        EpochPanels.add(loss, "output", metrics, rules, MetricNames.MSE, MetricsSink.NETWORK);
        figures.put(MetricNames.MSE, loss.toFigure());

        EpochCurves angle = new EpochCurves("Alignment of B with Wᵀ", "∠(B, Wᵀ) (°)").referenceLine(0, "0° (aligned)");
        for (int l = 1; l < top; l++) {
            EpochPanels.add(angle, "B_" + l + " (layer " + l + ")", metrics, rules, MetricNames.ANGLE_B_WT, l);
        }
        figures.put(MetricNames.ANGLE_B_WT, angle.toFigure());

        if (context.settings().updateAngle()) {
            figures.put(MetricNames.ANGLE_DW_BP, EpochPanels.updateAngles(metrics, rules, top).toFigure());
        }

        figures.put("output_trace", outputTrace(context, traces, layers[top], firstSeed));
        context.output().writeFigures(figures, context.executor());
    }

    /**
     * One panel per rule (rows) and traced epoch (columns): the student's ŭ_N against the target
     * applied in the same step (dashed), over the first samples of the epoch.
     */
    private static palsim.app.plot.Figure outputTrace(ExperimentContext<TeacherStudentSettings> context,
            Map<String, OutputTrace> traces, int outputs, long firstSeed) {
        TraceSettings settings = context.settings().trace();
        double dt = context.settings().circuits().getFirst().spec().dt();
        Traces figure = new Traces("Student output against the teacher's (seed " + firstSeed + ")", "time in epoch (ms)", "ŭ_N")
                .layout(Math.max(1, settings.epochs().length), 520, 320);
        for (String rule : context.settings().rules()) {
            OutputTrace trace = traces.get(rule);
            int[] epochs = trace.epochs();
            for (int i = 0; i < epochs.length; i++) {
                double[][] student = trace.student(i, 0);
                double[][] target = trace.target(i, 0);
                double[] time = new double[student.length];
                for (int t = 0; t < time.length; t++) {
                    time[t] = (t + 1) * dt;
                }
                Traces.Panel panel = figure.panel(rule + ", epoch " + epochs[i] + (epochs[i] == 0 ? " (settling)" : ""));
                for (int o = 0; o < outputs; o++) {
                    String suffix = outputs == 1 ? "" : ", output " + (o + 1);
                    panel.dashedLine("teacher" + suffix, time, column(target, o));
                    panel.line(rule + suffix, time, column(student, o));
                }
            }
        }
        return figure.toFigure();
    }

    private static double[] column(double[][] rows, int column) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][column];
        }
        return c;
    }
}
