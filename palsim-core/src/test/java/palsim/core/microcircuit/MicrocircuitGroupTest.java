package palsim.core.microcircuit;

import palsim.core.le.Precision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import palsim.core.SimulationDivergedException;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackAlignment;
import palsim.core.feedback.FeedbackPathway;
import palsim.core.feedback.FeedbackProjection;
import palsim.core.feedback.FeedbackSignal;
import palsim.core.feedback.ForwardImage;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.ModelKind;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.metrics.Angles;
import palsim.core.neuron.Activation;

class MicrocircuitGroupTest {
    private static final Conductances G = Conductances.PAPER;
    private static final double DT = 0.01;

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** A [1-1-1] FA circuit with chosen voltages and weights (not self-predicting). */
    private static MicrocircuitGroup handPickedCircuit() {
        MicrocircuitSpec spec = MicrocircuitSpec.builder(1, 1, 1)
                .forwardLearningRates(2, 0.5)
                .pyramidToInterneuronLearningRates(10)
                .interneuronToPyramidLearningRates(0.5)
                .feedbackRule(new FeedbackAlignment())
                .selfPredictingStart(false)
                .build();
        CircuitState state = new CircuitState(new double[][] {{0.3}, {-0.2}}, new double[][] {{0.1}},
                new WeightSnapshot(new int[] {1, 1, 1}, new double[][] {{0.5}, {-0.7}}, new double[][] {{0.4}},
                        new double[][] {{0.6}}, new double[][] {{-0.2}}));
        MicrocircuitGroup group = MicrocircuitGroup.fromStates(spec, new long[] {1}, List.of(state));
        group.setLearning(LearningSwitches.ALL);
        return group;
    }

    @Test
    void twoStepsOfAOneOneOneCircuitMatchTheSpecEquationsWorkedByHand() {
        MicrocircuitGroup group = handPickedCircuit();
        double x = 0.8;
        double tgt = 0.25;
        group.step(Circuits.allLanes(group, x), Circuits.allLanes(group, tgt));
        group.step(Circuits.allLanes(group, x), Circuits.allLanes(group, tgt));

        double gP = G.leak() + G.basal() + G.apical();
        double gN = G.leak() + G.basal() + G.targetNudging();
        double gI = G.leak() + G.dendrite() + G.interneuronNudging();
        double aH = G.basal() / gP;
        double aO = G.basal() / (G.leak() + G.basal());
        double aD = G.dendrite() / (G.leak() + G.dendrite());
        double w1 = 0.5, w2 = -0.7, wip = 0.4, b = 0.6, bpi = -0.2;
        double u1 = 0.3, u2 = -0.2, uI = 0.1;

        // step 1 (§4.1: u_old = u, so ŭ = u; x_last and all dendritic potentials start at 0)
        double r1a = logistic(u1), r2a = logistic(u2), rIa = logistic(uI);
        double vbas1a = w1 * x, vbas2a = w2 * r1a, vdena = wip * r1a, vapia = b * r2a + bpi * rIa;
        double du1 = DT * gP * ((G.basal() * vbas1a + G.apical() * vapia) / gP - u1);
        double du2 = DT * gN * ((G.basal() * vbas2a + G.targetNudging() * tgt) / gN - u2);
        double duI = DT * gI * ((G.dendrite() * vdena + G.interneuronNudging() * u2) / gI - uI);
        double dW1 = DT * 2 * (r1a - logistic(aH * 0)) * 0; // x^prev = 0
        double dW2 = DT * 0.5 * (r2a - logistic(aO * 0)) * logistic(u1);
        double dWip = DT * 10 * (rIa - logistic(aD * 0)) * logistic(u1);
        double dBpi = -DT * 0.5 * 0 * logistic(uI); // v^api,prev = 0
        double u1Old = u1, u2Old = u2, uIOld = uI;
        u1 += du1;
        u2 += du2;
        uI += duI;
        w1 += dW1;
        w2 += dW2;
        wip += dWip;
        bpi += dBpi;

        // step 2: ŭ = u_old + (τ/dt)(u − u_old)
        double ub1 = u1Old + (1 / gP) * (u1 - u1Old) / DT;
        double ub2 = u2Old + (1 / gN) * (u2 - u2Old) / DT;
        double ubI = uIOld + (1 / gI) * (uI - uIOld) / DT;
        double r1b = logistic(ub1), r2b = logistic(ub2), rIb = logistic(ubI);
        double vbas1b = w1 * x, vbas2b = w2 * r1b, vdenb = wip * r1b, vapib = b * r2b + bpi * rIb;
        du1 = DT * gP * ((G.basal() * vbas1b + G.apical() * vapib) / gP - u1);
        du2 = DT * gN * ((G.basal() * vbas2b + G.targetNudging() * tgt) / gN - u2);
        duI = DT * gI * ((G.dendrite() * vdenb + G.interneuronNudging() * ub2) / gI - uI);
        dW1 = DT * 2 * (r1b - logistic(aH * vbas1a)) * x;
        dW2 = DT * 0.5 * (r2b - logistic(aO * vbas2a)) * r1a;
        dWip = DT * 10 * (rIb - logistic(aD * vdena)) * r1a;
        dBpi = -DT * 0.5 * vapia * rIa;

        double tol = 1e-13;
        assertThat(group.prospectiveVoltage(0, 1)[0]).isCloseTo(ub1, within(tol));
        assertThat(group.prospectiveVoltage(0, 2)[0]).isCloseTo(ub2, within(tol));
        assertThat(group.apicalVoltage(0, 1)[0]).isCloseTo(vapib, within(tol));
        assertThat(group.somaticVoltage(0, 1)[0]).isCloseTo(u1 + du1, within(tol));
        assertThat(group.somaticVoltage(0, 2)[0]).isCloseTo(u2 + du2, within(tol));
        assertThat(group.interneuronVoltage(0, 1)[0]).isCloseTo(uI + duI, within(tol));
        assertThat(group.forwardWeights(0, 1)[0]).isCloseTo(w1 + dW1, within(tol));
        assertThat(group.forwardWeights(0, 2)[0]).isCloseTo(w2 + dW2, within(tol));
        assertThat(group.pyramidToInterneuronWeights(0, 1)[0]).isCloseTo(wip + dWip, within(tol));
        assertThat(group.interneuronToPyramidWeights(0, 1)[0]).isCloseTo(bpi + dBpi, within(tol));
        assertThat(group.feedbackWeights(0, 1)[0]).isEqualTo(0.6);
        assertThat(dW1).isNotZero();
        assertThat(dBpi).isNotZero();
    }

    @Test
    void prospectiveVoltageOfTheNextStepEqualsTheEffectivePotentialOfThisStep() {
        MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(Circuits.fa()), 5, 6);
        group.setLearning(LearningSwitches.ALL);
        double[][] x = Circuits.uniformInputs(3, 21, 5);
        for (int t = 0; t < 60; t++) {
            double[] input = Circuits.laned(group, new double[][] {x[t / 3], x[t / 3 + 1]});
            group.step(input, null);
            double[][][] effective = new double[2][][];
            for (int lane = 0; lane < 2; lane++) {
                effective[lane] = effectivePotentials(group, lane);
            }
            group.step(input, null);
            for (int lane = 0; lane < 2; lane++) {
                for (int l = 1; l <= 4; l++) {
                    assertThat(Circuits.relativeDistance(group.prospectiveVoltage(lane, l), effective[lane][l]))
                            .as("lane %d, layer %d", lane, l).isLessThan(1e-12);
                }
            }
        }
    }

    /** u_eff of every layer from the potentials of the last step (no noise, free output). */
    private static double[][] effectivePotentials(MicrocircuitGroup group, int lane) {
        double[][] effective = new double[5][];
        for (int l = 1; l <= 3; l++) {
            double[] bas = group.basalVoltage(lane, l);
            double[] api = group.apicalVoltage(lane, l);
            effective[l] = new double[bas.length];
            for (int i = 0; i < bas.length; i++) {
                effective[l][i] = (G.basal() * bas[i] + G.apical() * api[i]) / G.hiddenTotal();
            }
        }
        double[] out = group.basalVoltage(lane, 4);
        effective[4] = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            effective[4][i] = G.basal() * out[i] / (G.leak() + G.basal()); // free output (quirk 2)
        }
        return effective;
    }

    @Test
    void selfPredictingStateSilencesApicalPotentialsAndLearningUnderConstantInput() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fa()).toBuilder()
                .pyramidToInterneuronLearningRates(0.5, 0.5, 0.5)
                .build();
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, 11, 12, 13);
        double[] x = Circuits.laned(group, Circuits.uniformInputs(4, 3, 5));
        group.step(x, null);
        double firstApical = maxAbs(group.apicalVoltage(0, 1));
        for (int t = 1; t < spec.pyramidalLayers() + 1; t++) {
            group.step(x, null);
        }
        // the one-step pipeline settles the rates within ~N+1 steps; the rest decays geometrically
        assertThat(maxAbs(group.apicalVoltage(0, 1))).isLessThan(0.05 * firstApical);
        for (int t = 0; t < 40; t++) {
            group.step(x, null);
        }
        CircuitState before = group.circuitState(1);
        group.setLearning(LearningSwitches.ALL);
        group.observeForwardUpdates(true);
        group.step(x, null);

        for (int lane = 0; lane < 3; lane++) {
            for (int l = 1; l <= 3; l++) {
                assertThat(maxAbs(group.apicalVoltage(lane, l))).as("v^api_%d", l).isLessThan(1e-11);
                assertThat(Circuits.relativeDistance(group.interneuronProspectiveVoltage(lane, l),
                        group.prospectiveVoltage(lane, l + 1))).as("ŭ^I_%d vs ŭ_%d", l, l + 1).isLessThan(1e-12);
            }
            for (int l = 1; l <= 4; l++) {
                assertThat(maxAbs(group.forwardUpdate(lane, l))).as("ΔW_%d", l).isLessThan(1e-14);
            }
        }
        for (int l = 1; l <= 3; l++) {
            assertThat(Circuits.relativeDistance(group.pyramidToInterneuronWeights(1, l),
                    before.weights().pyramidToInterneuron(l))).as("ΔW^IP_%d", l).isLessThan(1e-14);
            assertThat(Circuits.relativeDistance(group.interneuronToPyramidWeights(1, l),
                    before.weights().interneuronToPyramid(l))).as("ΔB^PI_%d", l).isLessThan(1e-14);
        }
    }

    @Test
    void withoutSelfPredictingStartTheApicalPotentialDoesNotVanish() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fa()).toBuilder().selfPredictingStart(false).build();
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, 11);
        double[] x = Circuits.laned(group, Circuits.uniformInputs(4, 1, 5));
        for (int t = 0; t < 15; t++) {
            group.step(x, null);
        }
        assertThat(maxAbs(group.apicalVoltage(0, 1))).isGreaterThan(1e-3);
    }

    @Test
    void backpropKeepsFeedbackEqualToTransposedForwardWeightsAtEveryStep() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.bp()).toBuilder().interneuronToPyramidLearningRates(0, 0, 0).build();
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, 21, 22);
        group.setLearning(LearningSwitches.BACKWARD_ONLY);
        double[][] x = Circuits.uniformInputs(5, 10, 5);
        for (int t = 0; t < 300; t++) {
            group.step(Circuits.laned(group, new double[][] {x[t / 30], x[(t / 30 + 5) % 10]}), null);
            for (int lane = 0; lane < 2; lane++) {
                for (int l = 1; l <= 3; l++) {
                    double[] b = group.feedbackWeights(lane, l);
                    double[] w = group.forwardWeights(lane, l + 1);
                    assertThat(Angles.degreesToTranspose(b, w, spec.size(l), spec.size(l + 1))).isLessThan(1e-5);
                    assertThat(b).isEqualTo(transpose(w, spec.size(l + 1), spec.size(l)));
                    assertThat(group.interneuronToPyramidWeights(lane, l)).isEqualTo(negate(b));
                }
            }
        }
    }

    @Test
    void feedbackAlignmentLeavesFeedbackWeightsBitwiseUnchanged() {
        MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(Circuits.fa()), 31);
        WeightSnapshot before = group.weights(0);
        group.setLearning(LearningSwitches.ALL);
        double[][] x = Circuits.uniformInputs(6, 10, 5);
        double[][] y = Circuits.uniformInputs(7, 10, 5);
        for (int t = 0; t < 1000; t++) {
            group.step(Circuits.laned(group, new double[][] {x[t / 100]}), Circuits.laned(group, new double[][] {y[t / 100]}));
        }
        for (int l = 1; l <= 3; l++) {
            assertThat(group.feedbackWeights(0, l)).isEqualTo(before.feedback(l));
        }
        assertThat(group.forwardWeights(0, 1)).isNotEqualTo(before.forward(1));
    }

    @Test
    void aSeedsResultsAreBitIdenticalWhateverSeedsShareItsGroup() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fig1bPal(3));
        MicrocircuitGroup alone = MicrocircuitGroup.create(spec, 42);
        MicrocircuitGroup shared = MicrocircuitGroup.create(spec, 7, 8, 42, 9);
        alone.setLearning(LearningSwitches.ALL);
        shared.setLearning(LearningSwitches.ALL);
        double[][] x = Circuits.uniformInputs(8, 20, 5);
        double[][] y = Circuits.uniformInputs(9, 20, 5);
        for (int t = 0; t < 1500; t++) {
            double[] xs = x[t / 100];
            double[] ys = y[t / 100];
            alone.step(Circuits.laned(alone, new double[][] {xs}), Circuits.laned(alone, new double[][] {ys}));
            shared.step(Circuits.laned(shared, new double[][] {x[19 - t / 100], x[(t / 100 + 3) % 20], xs, x[0]}),
                    Circuits.laned(shared, new double[][] {y[0], y[1], ys, y[2]}));
        }
        assertThat(shared.weights(2)).isEqualTo(alone.weights(0));
        for (int l = 1; l <= 4; l++) {
            assertThat(shared.somaticVoltage(2, l)).isEqualTo(alone.somaticVoltage(0, l));
        }
        for (int l = 1; l <= 3; l++) {
            assertThat(shared.noise(2, l)).isEqualTo(alone.noise(0, l));
        }
    }

    @Test
    void nonFiniteInputIsReportedAsDivergenceOfTheFirstLayer() {
        MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(Circuits.fa()), 1, 2);
        double[] x = Circuits.allLanes(group, 0.1, 0.2, 0.3, 0.4, 0.5);
        group.step(x, null);
        x[group.index(2, 1)] = Double.NaN;
        assertThatThrownBy(() -> group.step(x, null))
                .isInstanceOfSatisfying(SimulationDivergedException.class, e -> {
                    assertThat(e.step()).isEqualTo(2);
                    assertThat(e.layer()).isEqualTo(1);
                    assertThat(e.quantity()).contains("somatic voltage").contains("seed 2");
                });
    }

    @Test
    void runawayLearningIsReportedAsDivergence() {
        // a linear circuit learning with a far too large rate: the update overshoots and grows geometrically
        MicrocircuitSpec spec = Circuits.fig1dStudent(Circuits.bp()).toBuilder()
                .activation(Activation.LINEAR)
                .forwardLearningRates(100, 100)
                .build();
        MicrocircuitGroup group = MicrocircuitGroup.create(spec, 3);
        group.setLearning(LearningSwitches.ALL);
        assertThatThrownBy(() -> {
            for (int t = 0; t < 10_000; t++) {
                group.step(Circuits.allLanes(group, 1.0), Circuits.allLanes(group, 2.0));
            }
        }).isInstanceOfSatisfying(SimulationDivergedException.class, e -> assertThat(e.step()).isLessThan(1000));
    }

    @Test
    void inactiveLanesAreNotReadable() {
        MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(Circuits.fa()), 1);
        assertThatThrownBy(() -> group.somaticVoltage(1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> group.feedbackWeights(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> group.forwardUpdate(0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wrongInputSizeIsRejected() {
        MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(Circuits.fa()), 1);
        assertThatThrownBy(() -> group.step(new double[3], null)).hasMessageContaining("input must hold");
        assertThatThrownBy(() -> group.step(new double[5 * group.width()], new double[1]))
                .hasMessageContaining("target must hold");
    }

    @Test
    void aStateOfAnotherShapeIsRejected() {
        CircuitState small = CircuitState.draw(Circuits.fig1dStudent(Circuits.fa()), 1);
        assertThatThrownBy(() -> MicrocircuitGroup.fromStates(Circuits.fig1b(Circuits.fa()), new long[] {1}, List.of(small)))
                .hasMessageContaining("state has layers [1, 1, 1], the circuit [5, 20, 10, 20, 5]");
    }

    @Test
    void aCapturedStateRestartsTheSameCircuit() {
        MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(Circuits.fa()), 2);
        group.step(Circuits.allLanes(group, 0.1, 0.2, 0.3, 0.4, 0.5), null);
        CircuitState state = group.circuitState(0);
        MicrocircuitGroup copy = MicrocircuitGroup.fromStates(group.spec(), new long[] {2}, List.of(state));
        assertThat(copy.circuitState(0)).isEqualTo(state);
        assertThat(copy.weights(0)).isEqualTo(group.weights(0));
    }

    @Test
    void aGroupHoldsAtMostOneSeedPerLane() {
        long[] tooMany = new long[MicrocircuitGroup.lanes(Precision.FLOAT64) + 1];
        assertThatThrownBy(() -> MicrocircuitGroup.create(Circuits.fig1b(Circuits.fa()), tooMany))
                .hasMessageContaining("a group holds 1 to");
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double[] transpose(double[] w, int rows, int cols) {
        double[] t = new double[w.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = w[i * cols + j];
            }
        }
        return t;
    }

    private static double[] negate(double[] v) {
        double[] n = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            n[i] = -v[i];
        }
        return n;
    }

    @Test
    void aFeedbackRuleThatChangesBTwiceInOneStepIsRefused() {
        // the engine applies a rule's change of B in its pass over B, after reading it: one per step
        PhaselessAlignment pal = Circuits.fig1bPal(3);
        FeedbackRule twice = new FeedbackRule() {
            @Override
            public String name() {
                return "twice";
            }

            @Override
            public FeedbackPathway pathway() {
                return pal.pathway();
            }

            @Override
            public void validateFor(ModelKind model, int[] layers) {
                pal.validateFor(model, layers);
            }

            @Override
            public void initialise(FeedbackProjection projection, UniformRandomProvider rng) {
                pal.initialise(projection, rng);
            }

            @Override
            public void update(FeedbackProjection projection, double dt, boolean feedbackLearning) {
                projection.learnFromCorrelation(FeedbackSignal.NOISE, FeedbackSignal.HIGH_PASSED_RATES, 0.1, 0.0);
                projection.setFromForward(ForwardImage.TRANSPOSE);
            }

            @Override
            public Optional<ExploratoryNoise> noise() {
                return pal.noise();
            }

            @Override
            public double highPassTau() {
                return pal.highPassTau();
            }

            @Override
            public Map<String, Object> describe() {
                return Map.of("rule", "twice");
            }
        };
        MicrocircuitGroup group = MicrocircuitGroup.create(Circuits.fig1b(twice), 5);
        assertThatThrownBy(() -> group.step(new double[5 * group.width()], null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("B_1").hasMessageContaining("once per step");
    }
}
