package palsim.app.experiment.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import palsim.app.InputException;
import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;
import palsim.app.data.DataSplit;
import palsim.app.experiment.CommonSettings;
import palsim.app.experiment.EpochPanels;
import palsim.app.experiment.Experiment;
import palsim.app.experiment.ExperimentContext;
import palsim.app.experiment.JobCheckpoint;
import palsim.app.experiment.microcircuit.GroupCheckpoints;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.ParallelExecutor.Job;
import palsim.app.experiment.microcircuit.CircuitModel;
import palsim.app.experiment.microcircuit.MicrocircuitConfig;
import palsim.app.experiment.microcircuit.RuleCircuit;
import palsim.app.metrics.SeedStatistics;
import palsim.core.le.Precision;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.SynapsesFirstStepOrder;
import palsim.core.microcircuit.classification.ClassificationDriver;
import palsim.core.microcircuit.classification.LabelledSamples;
import palsim.core.microcircuit.classification.Stage;
import palsim.core.microcircuit.classification.StageSchedule;
import palsim.core.microcircuit.classification.VoltageReadout;
import palsim.core.microcircuit.protocol.SeedGroups;

/**
 * Task {@code classification}: the dendritic microcircuit learns a classification task with every
 * weight plastic at once, no phases and noise always on (the synapses-first step order). For every
 * epoch the circuit is validated (learning and teaching off) and then trained; after the last epoch
 * it is validated once more and tested. A sample's class is the output neuron with the largest
 * prospective voltage, averaged over snapshots of the presentation.
 *
 * <p>Metrics: {@code val_acc} (epochs 0…E, 0 before training), {@code test_acc} (epoch E), both
 * fractions; {@code angle_B_WT} per hidden layer at epoch 0 and after every training epoch. A
 * hidden-size study ({@code model.hidden_sizes}) runs every rule at every size, labelled
 * {@code rule_hN}. Work: one job per circuit × group of at most L seeds.
 */
public final class ClassificationExperiment implements Experiment<ClassificationSettings> {
    public static final String TASK = "classification";

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public String summary() {
        return "microcircuit: classification with all weights plastic and noise always on (Yin-Yang, MNIST)";
    }

    @Override
    public ClassificationSettings parse(ConfigSection config, CommonSettings common) {
        CircuitModel model = MicrocircuitConfig.model(config, SynapsesFirstStepOrder.CONFIG_NAME, Precision.FLOAT32);
        ConfigSection modelSection = config.section(MicrocircuitConfig.MODEL);
        double lowPass = modelSection.number("tau_forward_low_pass", 100, Bounds.positive());
        if (lowPass < model.dt()) {
            throw modelSection.error("tau_forward_low_pass", "must be >= model.dt = " + model.dt() + ", got " + lowPass);
        }
        String staticPi = modelSection.choice("static_interneuron_to_pyramid", "auto", List.of("auto", "true", "false"));
        int[] hiddenSizes = modelSection.has("hidden_sizes")
                ? modelSection.integers("hidden_sizes", Bounds.positive()) : new int[0];
        ClassificationData data = ClassificationData.parse(config.section("data"));
        int[] layers = model.layers();
        if (layers[0] != data.features()) {
            throw modelSection.error("layers", "starts with " + layers[0] + " inputs; " + data.dataset() + " has "
                    + data.features() + " features");
        }
        if (layers[layers.length - 1] != data.classes()) {
            throw modelSection.error("layers", "ends with " + layers[layers.length - 1] + " outputs; " + data.dataset()
                    + " has " + data.classes() + " classes");
        }
        if (hiddenSizes.length > 0 && layers.length != 3) {
            throw modelSection.error("hidden_sizes", "needs a circuit with one hidden layer, got layers " + Arrays.toString(layers));
        }
        ConfigSection protocol = config.sectionOrEmpty("protocol");
        double presentation = protocol.number("presentation_time", 1.0, Bounds.positive());
        int stepsPerSample = MicrocircuitConfig.wholePositiveSteps(protocol, "presentation_time", presentation, model.dt());
        double interval = protocol.number("readout_interval", presentation / 5, Bounds.positive());
        int intervalSteps = MicrocircuitConfig.wholePositiveSteps(protocol, "readout_interval", interval, model.dt());
        int skipped = protocol.integer("readout_skip", 1, Bounds.nonNegative());
        VoltageReadout readout = protocol.validated(() -> new VoltageReadout(stepsPerSample, intervalSteps, skipped));
        boolean noiseWhileEvaluating = protocol.flag("noise_while_evaluating", true);
        double target = config.sectionOrEmpty(MicrocircuitConfig.METRICS).number("accuracy_target", 0.9,
                Bounds.atLeast(0));

        ConfigSection rulesSection = config.section(MicrocircuitConfig.RULES);
        List<ClassCircuit> circuits = new ArrayList<>();
        for (RuleCircuit rc : MicrocircuitConfig.rules(config, model)) {
            FeedbackRule rule = rc.spec().feedbackRule();
            if (rule.forwardLowPassTau() > 0) {
                throw rulesSection.section(rc.rule()).error("tau_forward_low_pass", "is not used with step_order "
                        + SynapsesFirstStepOrder.CONFIG_NAME + ", where model.tau_forward_low_pass filters every rule's forward updates");
            }
            boolean fixedPi = switch (staticPi) {
                case "true" -> true;
                case "false" -> false;
                default -> model.selfPredictingStart() && !learnsFeedback(rule);
            };
            MicrocircuitSpec base = rc.spec().toBuilder().stepOrder(new SynapsesFirstStepOrder(lowPass, fixedPi)).build();
            if (hiddenSizes.length == 0) {
                circuits.add(new ClassCircuit(rc.rule(), rc.rule(), layers[1], base));
                continue;
            }
            for (int h : hiddenSizes) {
                int[] sized = {layers[0], h, layers[2]};
                MicrocircuitSpec spec = rulesSection.validated(() -> withLayers(base, sized));
                circuits.add(new ClassCircuit(rc.rule() + "_h" + h, rc.rule(), h, spec));
            }
        }
        return new ClassificationSettings(circuits, data, common.epochs(), readout, noiseWhileEvaluating, hiddenSizes, target);
    }

    /** Whether the rule changes B by learning (B^PI then follows it), as opposed to fixed or tied B. */
    private static boolean learnsFeedback(FeedbackRule rule) {
        if (rule instanceof PhaselessAlignment pal) {
            return Arrays.stream(pal.learningRates()).anyMatch(r -> r != 0);
        }
        return !rule.learningSignals().isEmpty();
    }

    private static MicrocircuitSpec withLayers(MicrocircuitSpec spec, int[] layers) {
        return MicrocircuitSpec.builder(layers)
                .activations(spec.activations())
                .conductances(spec.conductances())
                .dt(spec.dt())
                .prospectiveFactor(spec.prospectiveFactor())
                .forwardLearningRates(spec.forwardLearningRates())
                .pyramidToInterneuronLearningRates(spec.pyramidToInterneuronLearningRates())
                .interneuronToPyramidLearningRates(spec.interneuronToPyramidLearningRates())
                .feedbackRule(spec.feedbackRule())
                .initialRanges(spec.initialRanges())
                .selfPredictingStart(spec.selfPredictingStart())
                .stepOrder(spec.stepOrder())
                .precision(spec.precision())
                .build();
    }

    @Override
    public void checkInputs(ClassificationSettings settings) {
        settings.data().checkFiles();
    }

    @Override
    public void run(ExperimentContext<ClassificationSettings> context) {
        ClassificationSettings settings = context.settings();
        DataSplit split = settings.data().load();
        if (split.validation().isEmpty()) {
            throw new InputException("data: the " + settings.data().dataset() + " task has no validation set");
        }
        LabelledSamples samples = new LabelledSamples(split.train(), split.validation().get(), split.test(), 1.0, 0.1);
        List<Stage> stages = StageSchedule.standard(settings.epochs(), settings.noiseWhileEvaluating());
        long[] seeds = context.common().seeds().stream().mapToLong(Long::longValue).toArray();
        long units = (long) settings.circuits().size() * seeds.length * stages.size();
        context.progress().begin("classification", units, "seed-stages");

        Map<String, ClassificationRecorder.TestResults> tests = new ConcurrentHashMap<>();
        List<Job<Void>> jobs = new ArrayList<>();
        for (ClassCircuit circuit : settings.circuits()) {
            for (long[] group : SeedGroups.partition(circuit.spec(), seeds)) {
                String label = "rule " + circuit.label() + ", seeds " + Arrays.toString(group);
                JobCheckpoint checkpoint = context.checkpoints().job(label);
                jobs.add(Job.of(label, () -> {
                    MicrocircuitGroup g = MicrocircuitGroup.create(circuit.spec(), group);
                    ClassificationRecorder recorder = new ClassificationRecorder(checkpoint.metrics(), circuit.label(),
                            context.progress(), tests);
                    GroupCheckpoints checkpoints = new GroupCheckpoints(checkpoint, out -> recorder.writeState(out, group),
                            in -> recorder.readState(in, group), stage -> context.progress().advance((long) group.length * (stage + 1)));
                    new ClassificationDriver(g, samples, settings.readout()).run(stages, recorder, checkpoints);
                }));
            }
        }
        context.executor().runAll(jobs);
        ClassificationFigures.write(context, settings, split, tests);
        headlines(context);
    }

    /** Per circuit: the final test accuracy and the last validation accuracy, mean ± std over seeds. */
    private static void headlines(ExperimentContext<ClassificationSettings> context) {
        ClassificationSettings settings = context.settings();
        int seeds = context.common().seeds().size();
        for (String label : settings.rules()) {
            SeedStatistics test = EpochPanels.meanAndStd(context.metrics(), label, MetricNames.TEST_ACC,
                    palsim.app.experiment.MetricsSink.NETWORK, settings.epochs());
            SeedStatistics validation = EpochPanels.meanAndStd(context.metrics(), label, MetricNames.VAL_ACC,
                    palsim.app.experiment.MetricsSink.NETWORK, settings.epochs());
            context.headline(label + ": test accuracy " + test.format(3) + ", validation " + validation.format(3)
                    + " (mean ± std over " + seeds + (seeds == 1 ? " seed)" : " seeds)"));
        }
    }
}
