package palsim.app.experiment.microcircuit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import palsim.app.PhaseLog;
import palsim.app.config.ConfigSection;
import palsim.app.experiment.EpochPanels;
import palsim.app.experiment.CommonSettings;
import palsim.app.experiment.Experiment;
import palsim.app.experiment.ExperimentContext;
import palsim.app.experiment.JobCheckpoint;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.ParallelExecutor.Job;
import palsim.app.plot.EpochCurves;
import palsim.app.plot.Figure;
import palsim.core.le.Precision;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.RatesFirstStepOrder;
import palsim.core.microcircuit.metrics.BackpropUpdateAngle;
import palsim.core.microcircuit.protocol.BackwardOnlyTask;
import palsim.core.microcircuit.protocol.InputSignal;
import palsim.core.microcircuit.protocol.RunProtocol;
import palsim.core.microcircuit.protocol.TeacherSignal;

/**
 * Task {@code bw_only} (microcircuit.md §5.2; paper Fig. 1b/1c): the forward weights stay frozen
 * while B (by the rule) and the lateral weights W^IP, B^PI learn; no teacher, free output. Reports
 * how B_ℓ aligns with W_{ℓ+1}ᵀ and with the φ'-weighted transpose after settling (epoch 0) and
 * after every epoch.
 *
 * <p>Work: one job per rule × group of at most L seeds (the groups share SIMD lanes); all seeds of
 * all rules see the one input drawn from the first seed (§4.4, quirk 12), each in its own order.
 * Figures: {@code angle_B_WT}, {@code angle_B_RHS}, {@code angle_jacobians} (and
 * {@code angle_dW_BP} with {@code metrics.update_angle}), one panel per layer, mean ± std over
 * seeds, one line per rule.
 */
public final class AlignmentExperiment implements Experiment<AlignmentSettings> {
    public static final String TASK = "bw_only";

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public String summary() {
        return "microcircuit: B learns to align with Wᵀ while W is frozen (Fig. 1b/1c)";
    }

    @Override
    public AlignmentSettings parse(ConfigSection config, CommonSettings common) {
        CircuitModel model = MicrocircuitConfig.model(config, RatesFirstStepOrder.CONFIG_NAME, Precision.FLOAT64);
        RunProtocol protocol = MicrocircuitConfig.protocol(config, common.epochs(), model.dt());
        List<RuleCircuit> circuits = MicrocircuitConfig.rules(config, model);
        boolean updateAngle = MicrocircuitConfig.updateAngle(config);
        return new AlignmentSettings(circuits, protocol, MicrocircuitConfig.teacherRanges(config), updateAngle);
    }

    @Override
    public void run(ExperimentContext<AlignmentSettings> context) {
        AlignmentSettings settings = context.settings();
        RunProtocol protocol = settings.protocol();
        long[] seeds = context.common().seeds().stream().mapToLong(Long::longValue).toArray();
        MicrocircuitSpec first = settings.circuits().getFirst().spec();
        InputSignal input = new BackwardOnlyTask(first, protocol).input(seeds[0]);

        long units = (long) settings.circuits().size() * seeds.length * protocol.epochs();
        if (settings.updateAngle()) {
            units += (long) settings.circuits().size() * seeds.length * (protocol.epochs() + 1);
        }
        context.progress().begin("training", units, "seed-epochs");

        List<Job<Void>> jobs = new ArrayList<>();
        for (SeedGroupJob job : SeedGroupJob.all(settings.circuits(), seeds)) {
            MicrocircuitSpec spec = job.circuit().spec();
            BackwardOnlyTask task = new BackwardOnlyTask(spec, protocol);
            JobCheckpoint checkpoint = context.checkpoints().job(job.label());
            jobs.add(Job.of(job.label(), () -> {
                MetricsSink metrics = checkpoint.metrics();
                UpdateAngleProbe probe = settings.updateAngle()
                        ? new UpdateAngleProbe(updateAngle(spec, settings, input, seeds[0]), metrics, job.rule())
                        : null;
                int lanes = job.seeds().length;
                // the recorder keeps nothing between epochs: the group and the driver are the whole state
                GroupCheckpoints checkpoints = new GroupCheckpoints(checkpoint, out -> { }, in -> { },
                        epoch -> context.progress().advance((long) lanes * epoch + (probe == null ? 0 : (long) lanes * (epoch + 1))));
                task.run(job.seeds(), input, new AlignmentRecorder(metrics, job.rule(), probe, context.progress()), checkpoints);
            }));
        }
        context.executor().runAll(jobs);
        PhaseLog.mark("simulation done");

        writeFigures(context, first.pyramidalLayers());
        headlines(context, first.pyramidalLayers() - 1);
    }

    /**
     * The update-angle comparison of a rule (§6): a teacher of seed s_T (drawn from the first
     * seed) with the teacher ranges runs on the students' input and provides the targets. Built
     * inside each job (the teacher run is short) so jobs share nothing.
     */
    private static BackpropUpdateAngle updateAngle(MicrocircuitSpec student, AlignmentSettings settings, InputSignal input,
            long firstSeed) {
        MicrocircuitSpec teacher = MicrocircuitConfig.teacherSpec(student, settings.teacherRanges());
        TeacherSignal signal = TeacherSignal.generate(teacher, settings.protocol(), firstSeed, input);
        return new BackpropUpdateAngle(student, input, signal.stepTargets());
    }

    private static void writeFigures(ExperimentContext<AlignmentSettings> context, int pyramidalLayers) {
        AlignmentSettings settings = context.settings();
        List<String> rules = settings.rules();
        SequencedMap<String, Figure> figures = new LinkedHashMap<>();
        record Angle(String metric, String title, String axis) {}
        List<Angle> angles = new ArrayList<>(List.of(
                new Angle(MetricNames.ANGLE_B_WT, "Alignment of B with Wᵀ", "∠(B, Wᵀ) (°)"),
                new Angle(MetricNames.ANGLE_B_RHS, "Alignment of B with the φ'-weighted transpose", "∠(B, D Wᵀ D) (°)"),
                new Angle(MetricNames.ANGLE_JACOBIANS, "Alignment of the feedback and forward Jacobians",
                        "∠(B D, D Wᵀ) (°)")));
        for (Angle angle : angles) {
            EpochCurves figure = new EpochCurves(angle.title(), angle.axis()).showSeeds(true).referenceLine(0, "0° (aligned)");
            for (int l = 1; l < pyramidalLayers; l++) {
                EpochPanels.add(figure, "B_" + l + " (layer " + l + ")", context.metrics(), rules, angle.metric(), l);
            }
            figures.put(angle.metric(), figure.toFigure());
        }
        if (settings.updateAngle()) {
            figures.put(MetricNames.ANGLE_DW_BP, EpochPanels.updateAngles(context.metrics(), rules, pyramidalLayers).toFigure());
        }
        context.output().writeFigures(figures, context.executor());
    }

    /** Per rule: ∠(B, Wᵀ) per layer at epoch 0 and at the end, mean ± std over seeds. */
    private static void headlines(ExperimentContext<AlignmentSettings> context, int hidden) {
        int epochs = context.settings().protocol().epochs();
        int seeds = context.common().seeds().size();
        for (String rule : context.settings().rules()) {
            StringBuilder line = new StringBuilder(rule + ": angle_B_WT (°, mean ± std over " + seeds
                    + (seeds == 1 ? " seed" : " seeds") + "), epoch 0 → " + epochs + ":");
            for (int l = 1; l <= hidden; l++) {
                line.append(l == 1 ? " " : "; ").append("layer ").append(l).append(' ')
                        .append(EpochPanels.meanAndStd(context.metrics(), rule, MetricNames.ANGLE_B_WT, l, 0).format(1))
                        .append(" → ")
                        .append(EpochPanels.meanAndStd(context.metrics(), rule, MetricNames.ANGLE_B_WT, l, epochs).format(1));
            }
            context.headline(line.toString());
        }
    }
}
