package palsim.core.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import palsim.core.rng.RandomStreams;

/** The initial state of microcircuit.md §4.1–4.2. */
class CircuitStateTest {

    @Test
    void voltagesAndWeightsFollowTheSpecsDrawOrderFromTwoIdenticallySeededStreams() {
        MicrocircuitSpec spec = MicrocircuitSpec.builder(2, 3, 1)
                .feedbackRule(Circuits.fa())
                .selfPredictingStart(false)
                .initialRanges(new InitialWeightRanges(WeightRange.of(-1, 1), WeightRange.of(0, 1), WeightRange.of(-5, 5),
                        WeightRange.of(2, 3)))
                .build();
        CircuitState state = CircuitState.draw(spec, 77);

        var gaussian = ZigguratSampler.NormalizedGaussian.of(RandomStreams.seeded(77));
        double[] u1 = {gaussian.sample(), gaussian.sample(), gaussian.sample()};
        double[] u2 = {gaussian.sample()};
        double[] uI = {gaussian.sample()};
        assertThat(state.somaticVoltage(1)).containsExactly(u1);
        assertThat(state.somaticVoltage(2)).containsExactly(u2);
        assertThat(state.interneuronVoltage(1)).containsExactly(uI);

        UniformRandomProvider rng = RandomStreams.seeded(77);
        double[] w1 = uniforms(rng, 6, -1, 1);
        double[] w2 = uniforms(rng, 3, -1, 1);
        double[] wip = uniforms(rng, 3, 0, 1);
        double[] b = uniforms(rng, 3, -5, 5);
        double[] bpi = uniforms(rng, 3, 2, 3);
        assertThat(state.weights().forward(1)).containsExactly(w1);
        assertThat(state.weights().forward(2)).containsExactly(w2);
        assertThat(state.weights().pyramidToInterneuron(1)).containsExactly(wip);
        assertThat(state.weights().feedback(1)).containsExactly(b);
        assertThat(state.weights().interneuronToPyramid(1)).containsExactly(bpi);
    }

    private static double[] uniforms(UniformRandomProvider rng, int count, double low, double high) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = low + (high - low) * rng.nextDouble();
        }
        return v;
    }

    @Test
    void feedbackIsDrawnForEveryRuleSoLaterDrawsDoNotDependOnTheRule() {
        MicrocircuitSpec fa = MicrocircuitSpec.builder(3, 4, 2).feedbackRule(Circuits.fa()).selfPredictingStart(false).build();
        MicrocircuitSpec bp = fa.toBuilder().feedbackRule(Circuits.bp()).build();
        CircuitState withFa = CircuitState.draw(fa, 5);
        CircuitState withBp = CircuitState.draw(bp, 5);
        assertThat(withBp.weights().forward(2)).isEqualTo(withFa.weights().forward(2));
        assertThat(withBp.weights().pyramidToInterneuron(1)).isEqualTo(withFa.weights().pyramidToInterneuron(1));
        // BP ties B := W_2ᵀ and B^PI := −B; FA keeps the draws
        double[] w2 = withBp.weights().forward(2);
        double[] b = withBp.weights().feedback(1);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(b[i * 2 + j]).isEqualTo(w2[j * 4 + i]);
                assertThat(withBp.weights().interneuronToPyramid(1)[i * 2 + j]).isEqualTo(-w2[j * 4 + i]);
            }
        }
        assertThat(withFa.weights().feedback(1)).isNotEqualTo(b);
    }

    @Test
    void selfPredictingStartUsesTheSpecsFactors() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fa());
        WeightSnapshot w = CircuitState.draw(spec, 9).weights();
        Conductances g = spec.conductances();
        double hidden = g.basal() * (g.leak() + g.dendrite()) / (g.dendrite() * g.hiddenTotal());
        double last = g.basal() * (g.leak() + g.dendrite()) / (g.dendrite() * (g.leak() + g.basal()));
        assertThat(hidden).isCloseTo(0.684, within(1e-3));
        assertThat(last).isCloseTo(1.0, within(1e-12));
        for (int l = 1; l <= 3; l++) {
            double c = l == 3 ? last : hidden;
            double[] above = w.forward(l + 1);
            double[] wip = w.pyramidToInterneuron(l);
            for (int k = 0; k < above.length; k++) {
                assertThat(wip[k]).isCloseTo(c * above[k], within(1e-15));
            }
            double[] b = w.feedback(l);
            double[] bpi = w.interneuronToPyramid(l);
            for (int k = 0; k < b.length; k++) {
                assertThat(bpi[k]).isEqualTo(-b[k]);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameStateAndAnotherSeedAnother() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fig1bPal(3));
        assertThat(CircuitState.draw(spec, 1).weights()).isEqualTo(CircuitState.draw(spec, 1).weights());
        assertThat(CircuitState.draw(spec, 1).weights()).isNotEqualTo(CircuitState.draw(spec, 2).weights());
    }
}
