package palsim.app.experiment.microcircuit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import palsim.app.config.Bounds;
import palsim.app.config.ConfigDocument;
import palsim.app.config.ConfigSection;
import palsim.app.experiment.EpochPanels;
import palsim.app.experiment.CommonSettings;
import palsim.app.experiment.Experiment;
import palsim.app.experiment.ExperimentContext;
import palsim.app.experiment.JobCheckpoint;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.ParallelExecutor.Job;
import palsim.app.metrics.SeedStatistics;
import palsim.core.le.Precision;
import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.RatesFirstStepOrder;
import palsim.core.microcircuit.WeightSnapshot;
import palsim.core.microcircuit.metrics.BackpropUpdateAngle;
import palsim.core.microcircuit.protocol.OutputTrace;
import palsim.core.microcircuit.protocol.RunObserver;
import palsim.core.microcircuit.protocol.RunProtocol;
import palsim.core.microcircuit.protocol.TeacherSignal;
import palsim.core.microcircuit.protocol.TeacherStudentTask;

/**
 * Task {@code fw_bw}, teacher–student (microcircuit.md §4.3, §5.3; paper Fig. 1d/1e): a teacher
 * circuit with its own seed (drawn from the first student seed) answers the shared input; students
 * of every rule learn all weights at once with the teacher's output nudging theirs. In the paper's
 * [1-1-1] setting the students start with the opposite sign of the teacher: FA keeps its negative
 * feedback weight (so its hidden error has the wrong sign once W_2 turns positive) while PAL flips
 * the sign of B and then of W_1; BP is the reference.
 *
 * <p>Work: one teacher per rule (the same weights for every rule; its feedback follows the rule),
 * then one job per rule × group of at most L student seeds. Figures: {@code b_feedback} (B vs
 * epoch, zero marked), {@code w_forward} (W vs epoch, the teacher's value dashed), {@code mse}
 * (log scale), {@code angle_B_WT}, {@code output_trace} (the first seed's ŭ_N against the target
 * over a few samples of chosen epochs), and {@code angle_dW_BP} with {@code metrics.update_angle}.
 */
public final class TeacherStudentExperiment implements Experiment<TeacherStudentSettings> {
    public static final String TASK = "fw_bw";
    static final String TEACHER_SEED = "teacher_seed";
    static final String TEACHER_W_FORWARD = "teacher_w_forward_";
    private static final String TRACE = "trace";
    private static final String TRACE_EPOCHS = "epochs";

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public String summary() {
        return "microcircuit teacher–student: students learn W and B at once (Fig. 1d/1e)";
    }

    @Override
    public TeacherStudentSettings parse(ConfigSection config, CommonSettings common) {
        CircuitModel model = MicrocircuitConfig.model(config, RatesFirstStepOrder.CONFIG_NAME, Precision.FLOAT64);
        RunProtocol protocol = MicrocircuitConfig.protocol(config, common.epochs(), model.dt());
        List<RuleCircuit> circuits = MicrocircuitConfig.rules(config, model);
        boolean updateAngle = MicrocircuitConfig.updateAngle(config);
        InitialWeightRanges teacherRanges = MicrocircuitConfig.teacherRanges(config);
        TraceSettings trace = trace(config.sectionOrEmpty(TRACE), common.epochs(), protocol.datasetSize());
        return new TeacherStudentSettings(circuits, protocol, teacherRanges, updateAngle, trace);
    }

    /**
     * {@code --epochs N}: traced epochs beyond N become N (the last epoch, which the default traces),
     * once; e.g. a resolved config's {@code [1, 5000]} becomes {@code [1, 2]} with {@code --epochs 2}.
     */
    @Override
    public void fitToEpochs(ConfigDocument config, int epochs) {
        if (config.get(TRACE) instanceof ObjectNode trace && trace.get(TRACE_EPOCHS) instanceof ArrayNode traced) {
            ArrayNode fitted = traced.arrayNode();
            boolean lastTraced = false;
            for (JsonNode epoch : traced) {
                lastTraced |= epoch.isNumber() && epoch.asDouble() == epochs;
            }
            for (JsonNode epoch : traced) {
                if (!epoch.isNumber() || epoch.asDouble() <= epochs) {
                    fitted.add(epoch);
                } else if (!lastTraced) {
                    fitted.add(epochs);
                    lastTraced = true;
                }
            }
            trace.set(TRACE_EPOCHS, fitted);
        }
    }

    /** The {@code trace} section: {@code samples} (default 5), {@code epochs} (default: the first and the last). */
    private static TraceSettings trace(ConfigSection trace, int epochs, int datasetSize) {
        int samples = trace.integer("samples", Math.min(5, datasetSize), Bounds.between(1, datasetSize));
        int[] defaults = epochs == 1 ? new int[] {1} : new int[] {1, epochs};
        int[] traced = trace.integers(TRACE_EPOCHS, defaults, Bounds.between(0, epochs));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < traced.length; i++) {
            if (!seen.add(traced[i])) {
                throw trace.error(TRACE_EPOCHS + "[" + i + "]", "epoch " + traced[i] + " is listed twice");
            }
        }
        return new TraceSettings(samples, traced);
    }

    /** What a job hands back: the sign-flip epochs of its seeds and, for the first group, the trace. */
    private record Outcome(String rule, TeacherStudentRecorder.Flips[] flips, OutputTrace trace) {}

    @Override
    public void run(ExperimentContext<TeacherStudentSettings> context) {
        TeacherStudentSettings settings = context.settings();
        RunProtocol protocol = settings.protocol();
        long[] seeds = context.common().seeds().stream().mapToLong(Long::longValue).toArray();
        int[] layers = settings.circuits().getFirst().spec().layers();

        Map<String, TeacherStudentTask> tasks = new LinkedHashMap<>();
        Map<String, TeacherSignal> teachers = new LinkedHashMap<>();
        for (RuleCircuit circuit : settings.circuits()) {
            TeacherStudentTask task = new TeacherStudentTask(circuit.spec(),
                    MicrocircuitConfig.teacherSpec(circuit.spec(), settings.teacherRanges()), protocol);
            tasks.put(circuit.rule(), task);
            teachers.put(circuit.rule(), task.teach(seeds[0]));
        }

        long units = (long) settings.circuits().size() * seeds.length * protocol.epochs();
        if (settings.updateAngle()) {
            units += (long) settings.circuits().size() * seeds.length * (protocol.epochs() + 1);
        }
        context.progress().begin("training", units, "seed-epochs");

        List<Job<Outcome>> jobs = new ArrayList<>();
        for (SeedGroupJob job : SeedGroupJob.all(settings.circuits(), seeds)) {
            TeacherStudentTask task = tasks.get(job.rule());
            TeacherSignal teacher = teachers.get(job.rule());
            JobCheckpoint checkpoint = context.checkpoints().job(job.label());
            jobs.add(new Job<>(job.label(), () -> runGroup(context, checkpoint, job, task, teacher, layers)));
        }
        List<Outcome> outcomes = context.executor().run(jobs);

        for (String rule : settings.rules()) {
            WeightSnapshot w = teachers.get(rule).teacherWeights();
            for (long seed : seeds) {
                context.summaryExtras().put(TEACHER_SEED, rule, seed, teachers.get(rule).teacherSeed());
                for (int l = 1; l < layers.length; l++) {
                    if (layers[l] * layers[l - 1] == 1) {
                        context.summaryExtras().put(TEACHER_W_FORWARD + l, rule, seed, w.forward(l)[0]);
                    }
                }
            }
        }
        Map<String, OutputTrace> traces = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.trace() != null) {
                traces.put(o.rule(), o.trace());
            }
        }
        // Every rule's teacher draws the same W* (only BP's B* differs: it is tied to W*ᵀ).
        WeightSnapshot teacher = teachers.get(settings.rules().getFirst()).teacherWeights();
        TeacherStudentFigures.write(context, teacher, layers, traces, seeds[0]);
        headlines(context, outcomes, teacher, layers);
    }

    private static Outcome runGroup(ExperimentContext<TeacherStudentSettings> context, JobCheckpoint checkpoint,
            SeedGroupJob job, TeacherStudentTask task, TeacherSignal teacher, int[] layers) {
        TeacherStudentSettings settings = context.settings();
        MicrocircuitSpec spec = job.circuit().spec();
        MetricsSink metrics = checkpoint.metrics();
        UpdateAngleProbe probe = settings.updateAngle()
                ? new UpdateAngleProbe(new BackpropUpdateAngle(spec, teacher.input(), teacher.stepTargets()),
                        metrics, job.rule())
                : null;
        TeacherStudentRecorder recorder = new TeacherStudentRecorder(metrics, job.rule(), layers,
                settings.protocol().epochs(), job.seeds().length, teacher.teacherWeights(), probe, context.progress());
        OutputTrace trace = null;
        RunObserver observer = recorder;
        if (job.groupIndex() == 0) {
            TraceSettings t = settings.trace();
            // Lane 0 holds the run's first seed; only it is traced.
            trace = new OutputTrace(1, layers[layers.length - 1], t.epochs(), t.samples(),
                    settings.protocol().stepsPerSample(spec.dt()));
            observer = RunObserver.all(recorder, trace);
        }
        OutputTrace traced = trace;
        int lanes = job.seeds().length;
        GroupCheckpoints checkpoints = new GroupCheckpoints(checkpoint,
                out -> {
                    recorder.writeState(out);
                    if (traced != null) {
                        traced.writeState(out);
                    }
                },
                in -> {
                    recorder.readState(in);
                    if (traced != null) {
                        traced.readState(in);
                    }
                },
                epoch -> context.progress().advance((long) lanes * epoch + (probe == null ? 0 : (long) lanes * (epoch + 1))));
        MicrocircuitGroup group = task.run(job.seeds(), teacher, observer, checkpoints);
        return new Outcome(job.rule(), recorder.finish(group, context.summaryExtras()), trace);
    }

    /** Per rule: how many seeds took the teacher's sign in B_1 and W_1, when, and where W_1 ended. */
    private static void headlines(ExperimentContext<TeacherStudentSettings> context, List<Outcome> outcomes,
            WeightSnapshot teacher, int[] layers) {
        int epochs = context.settings().protocol().epochs();
        for (String rule : context.settings().rules()) {
            List<Integer> feedback = new ArrayList<>();
            List<Integer> forward = new ArrayList<>();
            int seeds = 0;
            for (Outcome o : outcomes) {
                if (o.rule().equals(rule)) {
                    for (TeacherStudentRecorder.Flips f : o.flips()) {
                        seeds++;
                        feedback.add(f.feedback());
                        forward.add(f.forward());
                    }
                }
            }
            StringBuilder line = new StringBuilder(rule + ": B_1 has the teacher's sign for good in "
                    + flipSummary(feedback, seeds) + "; W_1 in " + flipSummary(forward, seeds));
            if (layers[0] * layers[1] == 1) {
                line.append("; W_1 at epoch ").append(epochs).append(": ")
                        .append(EpochPanels.meanAndStd(context.metrics(), rule, MetricNames.W_FORWARD, 1, epochs).format(3))
                        .append(String.format(Locale.ROOT, " (teacher %.3g)", teacher.forward(1)[0]));
            }
            SeedStatistics mse = EpochPanels.meanAndStd(context.metrics(), rule, MetricNames.MSE, MetricsSink.NETWORK, epochs);
            if (mse.finite() > 0) {
                line.append(String.format(Locale.ROOT, "; mse %.3g", mse.mean())).append(mse.incompleteNote());
            }
            context.headline(line.toString());
        }
    }

    /** {@code 9/10 seeds (from epoch: median 480, 310–702)}. */
    private static String flipSummary(List<Integer> epochs, int seeds) {
        int[] flipped = epochs.stream().filter(Objects::nonNull).mapToInt(Integer::intValue).sorted().toArray();
        String count = flipped.length + "/" + seeds + (seeds == 1 ? " seed" : " seeds");
        if (flipped.length == 0) {
            return count;
        }
        double median = flipped.length % 2 == 1 ? flipped[flipped.length / 2]
                : (flipped[flipped.length / 2 - 1] + flipped[flipped.length / 2]) / 2.0;
        return count + String.format(Locale.ROOT, " (from epoch: median %s, %d–%d)",
                median == Math.rint(median) ? Long.toString((long) median) : Double.toString(median),
                flipped[0], flipped[flipped.length - 1]);
    }
}
