package palsim.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import palsim.core.le.LeNetwork;
import palsim.core.le.LeNetworkSpec;
import palsim.core.le.Precision;
import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.neuron.Activation;
import palsim.core.rng.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Every registered rule in both engines: it is either rejected by the model with a message naming
 * the rule, or it runs with learning on, keeps B's shape and finiteness, and gives bit-identical
 * results for the same seed whatever the lane width (microcircuit) or thread count (LE network).
 */
class FeedbackRuleContractTest {
    private static final int[] LAYERS = {3, 4, 3, 2};

    static Stream<String> rules() {
        return FeedbackRuleRegistry.standard().names().stream();
    }

    /** Working settings of each rule for a network with two hidden populations and time unit {@code tau}. */
    private static FeedbackRule rule(String name, double tau) {
        Map<String, Object> settings = switch (name) {
            case PhaselessAlignment.NAME -> Map.of("noise.std", new double[] {0.05, 0.05}, "noise.tau", tau,
                    "tau_high_pass", tau, "learning_rates", new double[] {1, 1}, "decay", new double[] {1e-3, 1e-3});
            case KolenPollack.NAME -> Map.of("decay", 0.5);
            case WeightMirror.NAME -> Map.of("noise.std", new double[] {0.05, 0.05}, "noise.tau", tau,
                    "learning_rates", new double[] {1, 1}, "decay", new double[] {1e-3, 1e-3}, "schedule.period", 30 * tau,
                    "schedule.duration", 10 * tau);
            default -> Map.of();
        };
        return FeedbackRuleRegistry.standard().create(name, MapRuleParameters.of(settings));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void microcircuit(String name) {
        FeedbackRule rule = rule(name, 0.1);
        MicrocircuitSpec.Builder builder = MicrocircuitSpec.builder(LAYERS).forwardLearningRates(1, 1, 1)
                .pyramidToInterneuronLearningRates(0.5, 0.5).interneuronToPyramidLearningRates(0.5, 0.5)
                .feedbackRule(rule);
        try {
            rule.validateFor(ModelKind.MICROCIRCUIT, LAYERS);
        } catch (IllegalArgumentException rejected) {
            assertThat(rejected).hasMessageContaining("'" + name + "'");
            assertThatThrownBy(builder::build).hasMessageContaining("'" + name + "'");
            return;
        }
        MicrocircuitSpec spec = builder.build();
        MicrocircuitGroup pair = run(spec, 11, 12);
        MicrocircuitGroup single = run(spec, 12);
        for (int l = 1; l <= 2; l++) {
            double[] b = pair.feedbackWeights(1, l);
            int columns = rule.pathway() == FeedbackPathway.DIRECT_FROM_OUTPUT ? LAYERS[3] : LAYERS[l + 1];
            assertThat(b).as("B_%d shape", l).hasSize(LAYERS[l] * columns);
            assertThat(java.util.Arrays.stream(b).allMatch(Double::isFinite)).as("B_%d finite", l).isTrue();
            assertThat(b).as("B_%d at width 1 and %d", l, pair.width()).isEqualTo(single.feedbackWeights(0, l));
            assertThat(pair.forwardWeights(1, l + 1)).isEqualTo(single.forwardWeights(0, l + 1));
        }
        assertThat(run(spec, 11, 12).feedbackWeights(0, 1)).as("same seed, same bits").isEqualTo(pair.feedbackWeights(0, 1));
    }

    private static MicrocircuitGroup run(MicrocircuitSpec spec, long... seeds) {
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, seeds);
        group.setLearning(LearningSwitches.ALL);
        UniformRandomProvider rng = RandomStreams.seeded(5);
        double[] input = new double[LAYERS[0] * group.width()];
        double[] target = new double[LAYERS[3] * group.width()];
        for (int block = 0; block < 3; block++) {
            double[] x = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            double[] y = {rng.nextDouble(), rng.nextDouble()};
            for (int lane = 0; lane < seeds.length; lane++) {
                group.scatter(x, lane, input);
                group.scatter(y, lane, target);
            }
            for (int t = 0; t < 100; t++) {
                group.step(input, target);
            }
        }
        return group;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void leNetwork(String name) {
        FeedbackRule rule = rule(name, 1.0);
        LeNetworkSpec spec = LeNetworkSpec.builder(LAYERS).activations(Activation.TANH, Activation.TANH, Activation.LINEAR)
                .feedbackRule(rule).batchSize(5).precision(Precision.FLOAT64).build();
        double[][] one = runLe(spec, 1);
        double[][] three = runLe(spec, 3);
        for (int l = 1; l <= 2; l++) {
            int columns = rule.pathway() == FeedbackPathway.DIRECT_FROM_OUTPUT ? LAYERS[3] : LAYERS[l + 1];
            assertThat(three[l]).as("B_%d shape", l).hasSize(LAYERS[l] * columns);
            assertThat(java.util.Arrays.stream(three[l]).allMatch(Double::isFinite)).as("B_%d finite", l).isTrue();
            assertThat(three[l]).as("B_%d with 1 and 3 threads", l).isEqualTo(one[l]);
        }
        assertThat(three[0]).as("W_2 with 1 and 3 threads").isEqualTo(one[0]);
    }

    /** W_2, B_1, B_2 after training steps. */
    private static double[][] runLe(LeNetworkSpec spec, int threads) {
        try (LeNetwork net = LeNetwork.create(spec, 7, threads)) {
            UniformRandomProvider rng = RandomStreams.seeded(6);
            float[] x = new float[5 * LAYERS[0]];
            float[] y = new float[5 * LAYERS[3]];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) rng.nextDouble();
            }
            net.present(x, y);
            net.steps(60);
            net.requireFinite();
            return new double[][] {net.forwardWeights(2), net.feedbackWeights(1), net.feedbackWeights(2)};
        }
    }
}
