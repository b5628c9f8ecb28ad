package palsim.app.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;
import palsim.app.experiment.CommonSettings;
import palsim.app.experiment.Experiment;
import palsim.app.experiment.ExperimentContext;
import palsim.app.experiment.ExperimentSettings;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.ParallelExecutor.Job;
import palsim.app.experiment.SeedCurves;
import palsim.app.plot.EpochCurves;
import palsim.core.SimulationDivergedException;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackRuleRegistry;
import palsim.core.feedback.ModelKind;
import palsim.core.neuron.Activation;
import palsim.core.rng.RandomStreams;

/**
 * A stand-in experiment for tests of the framework (never shipped): every rule and seed performs a
 * seeded random walk of an "angle" per feedback layer and an "mse" that decays, recorded per epoch,
 * exactly the way a real experiment would use the contract (jobs per rule × seed group, metrics,
 * extras, a figure, progress). Options make it diverge or fail on purpose.
 *
 * <pre>
 * task: fake-walk
 * seeds: [11, 22, 33]
 * epochs: 4
 * model:
 *   layers: [3, 4, 2]          # every entry > 0, at least 3
 *   step: 1.0                  # > 0, default 1.0
 *   activation: logistic       # an Activation config name, default logistic
 * rules:                       # rule name → its settings, in plot order
 *   bp: {}
 *   pal: {noise: {std: [0.1], tau: 1.0}, tau_high_pass: 1.0, learning_rates: [1.0], decay: [0.1]}
 * protocol:
 *   seeds_per_job: 2           # default 2
 *   diverge: {rule: pal, seed: 22, epoch: 3}   # optional
 *   internal_error: false      # default false: true throws an IllegalStateException
 *   figures: true              # default true
 * </pre>
 */
public final class FakeWalkExperiment implements Experiment<FakeWalkExperiment.Settings> {
    public static final String TASK = "fake-walk";

    /** Where to diverge; {@code seed} −1 = never. */
    public record Divergence(String rule, long seed, int epoch) {}

    public record Settings(List<String> rules, Map<String, FeedbackRule> feedbackRules, int[] layers, double step,
            Activation activation, int seedsPerJob, Divergence divergence, boolean internalError, boolean figures)
            implements ExperimentSettings {}

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public String summary() {
        return "a seeded random walk standing in for an experiment (tests only)";
    }

    @Override
    public Settings parse(ConfigSection config, CommonSettings common) {
        ConfigSection model = config.section("model");
        int[] layers = model.integers("layers", Bounds.positive());
        if (layers.length < 3) {
            throw model.error("layers", "needs at least 3 entries (input, hidden, output), got " + layers.length);
        }
        double step = model.number("step", 1.0, Bounds.positive());
        Activation activation = model.choice("activation", Activation.LOGISTIC, Activation::configName);

        ConfigSection rulesSection = config.section("rules");
        FeedbackRuleRegistry registry = FeedbackRuleRegistry.standard();
        Map<String, FeedbackRule> rules = new LinkedHashMap<>();
        for (String name : rulesSection.keys()) {
            FeedbackRule rule = rulesSection.createRule(name, registry);
            rulesSection.section(name).check(() -> rule.validateFor(ModelKind.MICROCIRCUIT, layers));
            rules.put(name, rule);
        }
        if (rules.isEmpty()) {
            throw config.error("rules", "needs at least one rule");
        }

        ConfigSection protocol = config.sectionOrEmpty("protocol");
        int seedsPerJob = protocol.integer("seeds_per_job", 2, Bounds.atLeast(1));
        Divergence divergence = new Divergence("", -1, -1);
        if (protocol.has("diverge")) {
            ConfigSection d = protocol.section("diverge");
            divergence = new Divergence(d.choice("rule", List.copyOf(rules.keySet())), d.longInteger("seed"),
                    d.integer("epoch", Bounds.atLeast(1)));
        }
        boolean internalError = protocol.flag("internal_error", false);
        boolean figures = protocol.flag("figures", true);
        return new Settings(List.copyOf(rules.keySet()), rules, layers, step, activation, seedsPerJob, divergence,
                internalError, figures);
    }

    @Override
    public void run(ExperimentContext<Settings> context) {
        Settings s = context.settings();
        if (s.internalError()) {
            throw new IllegalStateException("deliberate bug for tests");
        }
        List<Long> seeds = context.common().seeds();
        List<Job<Void>> jobs = new ArrayList<>();
        for (String rule : s.rules()) {
            for (int from = 0; from < seeds.size(); from += s.seedsPerJob()) {
                List<Long> group = seeds.subList(from, Math.min(seeds.size(), from + s.seedsPerJob()));
                jobs.add(Job.of("rule " + rule + ", seeds " + group.toString().replaceAll("[\\[\\]]", ""),
                        () -> walk(context, rule, group)));
            }
        }
        int epochs = context.common().epochs();
        context.progress().begin("walking", (long) s.rules().size() * seeds.size() * epochs, "seed-epochs");
        context.executor().runAll(jobs);

        if (s.figures()) {
            EpochCurves angles = new EpochCurves("Fake alignment", "∠(B, Wᵀ) (°)").showSeeds(true).referenceLine(0, "0°");
            for (int layer = 1; layer <= s.layers().length - 2; layer++) {
                EpochCurves.Panel panel = angles.panel("layer " + layer);
                for (String rule : s.rules()) {
                    SeedCurves c = context.metrics().curves(rule, MetricNames.ANGLE_B_WT, layer);
                    panel.rule(rule, c.epochAxis(), c.values());
                }
            }
            context.output().writeFigure("angle_B_WT", angles.toFigure());
        }
        context.headline("fake walk: " + jobs.size() + " jobs");
    }

    private static void walk(ExperimentContext<Settings> context, String rule, List<Long> group) {
        Settings s = context.settings();
        int hidden = s.layers().length - 2;
        for (long seed : group) {
            UniformRandomProvider rng = RandomStreams.derived(seed, "fake-walk/" + rule, 0);
            ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
            double[] angle = new double[hidden];
            java.util.Arrays.fill(angle, 90.0);
            double mse = 1.0 + rng.nextDouble();
            Integer flip = null;
            for (int epoch = 0; epoch <= context.common().epochs(); epoch++) {
                if (seed == s.divergence().seed() && rule.equals(s.divergence().rule()) && epoch == s.divergence().epoch()) {
                    throw new SimulationDivergedException(epoch * 1000L, 1, "somatic voltage");
                }
                if (epoch > 0) {
                    for (int l = 0; l < hidden; l++) {
                        angle[l] += s.step() * gaussian.sample() - (rule.equals("pal") ? 5.0 : 0.0);
                    }
                    mse *= 0.5 + 0.1 * rng.nextDouble();
                }
                for (int l = 0; l < hidden; l++) {
                    context.metrics().record(rule, seed, epoch, MetricNames.ANGLE_B_WT, l + 1, angle[l]);
                }
                context.metrics().record(rule, seed, epoch, MetricNames.MSE, MetricsSink.NETWORK, mse);
                if (flip == null && angle[0] < 80) {
                    flip = epoch;
                }
                if (epoch > 0) {
                    context.progress().advance(1);
                }
            }
            context.summaryExtras().put("sign_flip_epoch", rule, seed, flip);
        }
    }
}
