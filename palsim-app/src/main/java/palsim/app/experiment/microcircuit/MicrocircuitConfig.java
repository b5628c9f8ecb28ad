package palsim.app.experiment.microcircuit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;
import palsim.core.feedback.FeedbackAlignment;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackRuleRegistry;
import palsim.core.feedback.ModelKind;
import palsim.core.le.Precision;
import palsim.core.microcircuit.Conductances;
import palsim.core.microcircuit.InitialWeightRanges;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.WeightRange;
import palsim.core.microcircuit.protocol.RunProtocol;
import palsim.core.neuron.Activation;

/**
 * Reads the config sections both microcircuit experiments share — {@code model}, {@code protocol},
 * {@code rules} (with per-rule {@code overrides} of the model's learning rates), {@code teacher}
 * and {@code metrics} — into validated core objects. Every key, default and unit is documented in
 * docs/config.md ("Microcircuit experiments"); times are in ms, the unit of {@code model.dt}.
 * Errors name the full key path and are {@link palsim.app.InputException}s.
 */
public final class MicrocircuitConfig {
    public static final String MODEL = "model";
    public static final String PROTOCOL = "protocol";
    public static final String RULES = "rules";
    public static final String OVERRIDES = "overrides";
    public static final String TEACHER = "teacher";
    public static final String METRICS = "metrics";

    private MicrocircuitConfig() {}

    /** The key of the step order in the {@code model} section. */
    public static final String STEP_ORDER = "step_order";
    /** The key of the engine's floating-point precision in the {@code model} section. */
    public static final String PRECISION = "precision";

    /**
     * The {@code model} section (required) of {@code config}, for a task that runs with exactly one
     * step order ({@code model.step_order}, default and only allowed value {@code stepOrder}) and,
     * unless {@code model.precision} says otherwise, in {@code defaultPrecision}.
     */
    public static CircuitModel model(ConfigSection config, String stepOrder, Precision defaultPrecision) {
        config.section(MODEL).choice(STEP_ORDER, stepOrder, List.of(stepOrder));
        return model(config, defaultPrecision);
    }

    /** The {@code model} section (required) of {@code config}, without its step order. */
    private static CircuitModel model(ConfigSection config, Precision defaultPrecision) {
        ConfigSection model = config.section(MODEL);
        int[] layers = model.integers("layers", Bounds.positive());
        if (layers.length < 3) {
            throw model.error("layers", "needs at least 3 entries (input, hidden…, output), got " + layers.length);
        }
        int n = layers.length - 1;
        Activation[] activations = activations(model, n);
        double dt = model.number("dt", 0.01, Bounds.positive());
        double taur = model.number("taur", 1.0, Bounds.nonNegative());
        Conductances conductances = conductances(model.sectionOrEmpty("conductances"));
        LearningRates rates = new LearningRates(model.numbers(LearningRates.ETA_FW, Bounds.nonNegative()),
                model.numbers(LearningRates.ETA_IP, Bounds.nonNegative()),
                model.numbers(LearningRates.ETA_PI, Bounds.nonNegative()));
        model.check(() -> rates.requireFor(layers));
        InitialWeightRanges ranges = initialRanges(model, InitialWeightRanges.SYMMETRIC_UNIT);
        boolean selfPredicting = model.flag("init_in_sps", true);
        Precision precision = model.choice(PRECISION, defaultPrecision, Precision::configName);
        CircuitModel circuit = new CircuitModel(layers, activations, conductances, dt, taur, rates, ranges, selfPredicting,
                precision);
        // Whatever else the core checks about the circuit itself, with a rule that has no settings.
        model.check(() -> circuit.spec(new FeedbackAlignment(), rates));
        return circuit;
    }

    /**
     * The {@code protocol} section (optional; defaults are the paper's): settling time,
     * presentation time Tpres, dataset size and record interval; {@code epochs} is the config's.
     */
    public static RunProtocol protocol(ConfigSection config, int epochs, double dt) {
        ConfigSection protocol = config.sectionOrEmpty(PROTOCOL);
        double settling = protocol.number("settling_time", 100, Bounds.nonNegative());
        double presentation = protocol.number("presentation_time", 1, Bounds.positive());
        int datasetSize = protocol.integer("dataset_size", 100, Bounds.atLeast(1));
        int recordInterval = protocol.integer("record_interval", 1000, Bounds.atLeast(1));
        wholeSteps(protocol, "settling_time", settling, dt);
        long perSample = wholePositiveSteps(protocol, "presentation_time", presentation, dt);
        if (perSample * datasetSize > Integer.MAX_VALUE) {
            throw protocol.error("dataset_size", "dataset_size × presentation_time/dt = " + perSample * datasetSize
                    + " steps per epoch; at most " + Integer.MAX_VALUE + " are supported");
        }
        return new RunProtocol(settling, presentation, datasetSize, epochs, recordInterval);
    }

    /**
     * The {@code rules} section (required, at least one rule): each rule's settings go to the rule
     * factory; an optional {@code overrides} subsection replaces some of the model's learning rates
     * for that rule only.
     */
    public static List<RuleCircuit> rules(ConfigSection config, CircuitModel model) {
        ConfigSection rules = config.section(RULES);
        FeedbackRuleRegistry registry = FeedbackRuleRegistry.standard();
        List<String> names = rules.keys();
        if (names.isEmpty()) {
            throw config.error(RULES, "needs at least one rule (known: " + String.join(", ", registry.names()) + ")");
        }
        int[] layers = model.layers();
        List<RuleCircuit> circuits = new ArrayList<>();
        for (String name : names) {
            FeedbackRule rule = rules.createRule(name, registry);
            ConfigSection own = rules.section(name);
            own.check(() -> rule.validateFor(ModelKind.MICROCIRCUIT, layers));
            LearningRates rates = own.has(OVERRIDES)
                    ? overrides(own.section(OVERRIDES), model.learningRates(), layers)
                    : model.learningRates();
            MicrocircuitSpec spec = own.validated(() -> model.spec(rule, rates));
            circuits.add(new RuleCircuit(name, spec));
        }
        return List.copyOf(circuits);
    }

    /** The {@code teacher} section (optional): the teacher's initial weight ranges, default U[−1, 1] each. */
    public static InitialWeightRanges teacherRanges(ConfigSection config) {
        return initialRanges(config.sectionOrEmpty(TEACHER), InitialWeightRanges.SYMMETRIC_UNIT);
    }

    /** {@code metrics.update_angle} (default false): whether to compute {@code angle_dW_BP} at every epoch end. */
    public static boolean updateAngle(ConfigSection config) {
        return config.sectionOrEmpty(METRICS).flag("update_angle", false);
    }

    /** The teacher of a task: the students' circuit under {@code rule}, drawn from the teacher ranges (§4.3). */
    public static MicrocircuitSpec teacherSpec(MicrocircuitSpec student, InitialWeightRanges ranges) {
        return student.toBuilder().initialRanges(ranges).selfPredictingStart(true).build();
    }

    private static LearningRates overrides(ConfigSection overrides, LearningRates base, int[] layers) {
        LearningRates rates = base;
        if (overrides.has(LearningRates.ETA_FW)) {
            rates = rates.withForward(overrides.numbers(LearningRates.ETA_FW, Bounds.nonNegative()));
        }
        if (overrides.has(LearningRates.ETA_IP)) {
            rates = rates.withPyramidToInterneuron(overrides.numbers(LearningRates.ETA_IP, Bounds.nonNegative()));
        }
        if (overrides.has(LearningRates.ETA_PI)) {
            rates = rates.withInterneuronToPyramid(overrides.numbers(LearningRates.ETA_PI, Bounds.nonNegative()));
        }
        LearningRates result = rates;
        overrides.check(() -> result.requireFor(layers));
        return result;
    }

    private static Activation[] activations(ConfigSection model, int n) {
        Activation[] activations = new Activation[n];
        if (!model.has("activations")) {
            Arrays.fill(activations, model.choice("activation", Activation.LOGISTIC, Activation::configName));
            return activations;
        }
        if (model.has("activation")) {
            throw model.error("activation", "give either activation (one for every layer) or activations (one per layer), not both");
        }
        List<String> names = model.strings("activations");
        if (names.size() != n) {
            throw model.error("activations", "has " + names.size() + " entries; the network has " + n + " pyramidal layers");
        }
        return model.choices("activations", Activation.class, Activation::configName).toArray(Activation[]::new);
    }

    private static Conductances conductances(ConfigSection g) {
        Conductances paper = Conductances.PAPER;
        return new Conductances(
                g.number("g_l", paper.leak(), Bounds.positive()),
                g.number("g_bas", paper.basal(), Bounds.positive()),
                g.number("g_api", paper.apical(), Bounds.positive()),
                g.number("g_den", paper.dendrite(), Bounds.positive()),
                g.number("g_ni", paper.interneuronNudging(), Bounds.positive()),
                g.number("g_ntgt", paper.targetNudging(), Bounds.positive()));
    }

    private static InitialWeightRanges initialRanges(ConfigSection section, InitialWeightRanges defaults) {
        return new InitialWeightRanges(
                range(section, "init_w_range", defaults.forward()),
                range(section, "init_wip_range", defaults.pyramidToInterneuron()),
                range(section, "init_b_range", defaults.feedback()),
                range(section, "init_bpi_range", defaults.interneuronToPyramid()));
    }

    private static WeightRange range(ConfigSection section, String key, WeightRange defaultRange) {
        double[] bounds = section.numbers(key, new double[] {defaultRange.low(), defaultRange.high()}, Bounds.any());
        if (bounds.length != 2) {
            throw section.error(key, "needs 2 entries [low, high], got " + bounds.length);
        }
        if (bounds[0] > bounds[1]) {
            throw section.error(key, "low must be <= high, got [" + bounds[0] + ", " + bounds[1] + "]");
        }
        return WeightRange.of(bounds[0], bounds[1]);
    }

    /** {@link #wholeSteps}, at least one step: a duration that must last a step or more. */
    public static int wholePositiveSteps(ConfigSection section, String key, double time, double dt) {
        long steps = wholeSteps(section, key, time, dt);
        if (steps < 1) {
            throw section.error(key, "must be at least model.dt = " + dt + ", got " + time);
        }
        return (int) steps;
    }

    /** time/dt, which must be whole (to 1e-6 relative, like {@link RunProtocol}). */
    private static long wholeSteps(ConfigSection section, String key, double time, double dt) {
        double steps = time / dt;
        long rounded = Math.round(steps);
        if (Math.abs(steps - rounded) > 1e-6 * Math.max(1, steps) || rounded > Integer.MAX_VALUE) {
            throw section.error(key, "must be a whole number of steps of model.dt = " + dt + " (at most "
                    + Integer.MAX_VALUE + "), got " + time);
        }
        return rounded;
    }
}
