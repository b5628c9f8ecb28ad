package palsim.core.le;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import palsim.core.SimulationDivergedException;
import palsim.core.data.Dataset;
import palsim.core.neuron.Activation;

class LeTrainerTest {
    private static final int DIMENSION = 16;

    /** Points of a 2-D manifold in [0.1, 0.9]^16: x = 0.5 + 0.4 tanh(A z), z uniform in [−1, 1]². */
    static Dataset manifold(int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = TestNetworks.gaussian(99, DIMENSION * 2, 1.5);
        float[] x = new float[samples * DIMENSION];
        int[] labels = new int[samples];
        for (int s = 0; s < samples; s++) {
            double z0 = 2 * r.nextDouble() - 1, z1 = 2 * r.nextDouble() - 1;
            labels[s] = (z0 > 0 ? 1 : 0) + (z1 > 0 ? 2 : 0);
            for (int i = 0; i < DIMENSION; i++) {
                x[s * DIMENSION + i] = (float) (0.5 + 0.4 * Math.tanh(a[2 * i] * z0 + a[2 * i + 1] * z1));
            }
        }
        return new Dataset(x, labels, DIMENSION, 4);
    }

    static LeNetworkSpec autoencoder(double... factors) {
        return LeNetworkSpec.builder(DIMENSION, 12, 2, 12, DIMENSION)
                .activations(Activation.TANH, Activation.LINEAR, Activation.TANH, Activation.LINEAR)
                .feedbackRule(TestNetworks.bp()).learningRateFactors(factors).batchSize(16).build();
    }

    /** Mean over pixels of the variance over samples: the error of the best constant reconstruction. */
    private static double pixelVariance(Dataset data) {
        double total = 0;
        for (int i = 0; i < DIMENSION; i++) {
            double sum = 0, squares = 0;
            for (int s = 0; s < data.size(); s++) {
                double v = data.features()[s * DIMENSION + i];
                sum += v;
                squares += v * v;
            }
            double mean = sum / data.size();
            total += squares / data.size() - mean * mean;
        }
        return total / DIMENSION;
    }

    @Test
    void bpLearnsToReconstructThroughTheTwoUnitBottleneck() {
        Dataset train = manifold(512, 1), test = manifold(256, 2);
        try (LeNetwork net = LeNetwork.create(autoencoder(1, 1, 1, 1), 1)) {
            LeTrainer trainer = new LeTrainer(net, LeTrainer.REFERENCE_STEPS_PER_BATCH, 1);
            List<Double> mse = new ArrayList<>();
            trainer.train(train, Targets.reconstruction(), 6, (epoch, t) -> mse.add(
                    t.evaluate(test, Targets.reconstruction(), EvaluationMode.FEEDFORWARD, 2).meanSquaredError()));
            assertThat(mse).hasSize(7);
            // far below what any constant output (the mean image) can reach: the latent encodes the samples
            assertThat(mse.get(6)).isLessThan(0.3 * pixelVariance(test)).isLessThan(0.05 * mse.get(0));
        }
    }

    @Test
    void epochZeroIsReportedBeforeAnyLearningAndEpochsInOrder() {
        Dataset train = manifold(64, 1);
        try (LeNetwork net = LeNetwork.create(autoencoder(1, 1, 1, 1), 1)) {
            double[] initial = net.forwardWeights(1);
            List<Integer> epochs = new ArrayList<>();
            new LeTrainer(net, 5, 1).train(train, Targets.reconstruction(), 3, (epoch, t) -> {
                if (epoch == 0) {
                    assertThat(t.network().forwardWeights(1)).containsExactly(initial);
                    assertThat(t.network().stepCount()).isZero();
                }
                epochs.add(epoch);
            });
            assertThat(epochs).containsExactly(0, 1, 2, 3);
            assertThat(net.stepCount()).isEqualTo(3 * 4 * 5);
        }
    }

    @Test
    void anEpochPresentsWholeShuffledBatchesAndDropsTheRest() {
        Dataset train = manifold(40, 1); // 2 batches of 16, 8 samples dropped
        try (LeNetwork net = LeNetwork.create(autoencoder(1, 1, 1, 1), 1)) {
            new LeTrainer(net, 7, 1).trainEpoch(train, Targets.reconstruction(), 1);
            assertThat(net.stepCount()).isEqualTo(2 * 7);
        }
        int[] order = LeTrainer.shuffledOrder(40, 5, 1);
        assertThat(order).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 40).toArray());
        assertThat(LeTrainer.shuffledOrder(40, 5, 1)).containsExactly(order);
        assertThat(LeTrainer.shuffledOrder(40, 5, 2)).isNotEqualTo(order);
        assertThat(LeTrainer.shuffledOrder(40, 6, 1)).isNotEqualTo(order);
    }

    @Test
    void evaluationReadsWholeBatchesInOrderAndItsMseIsTheMeanSquaredReconstructionError() {
        Dataset test = manifold(40, 3);
        try (LeNetwork net = LeNetwork.create(autoencoder(1, 1, 1, 1), 1)) {
            Evaluation e = new LeTrainer(net, 10, 1).evaluate(test, Targets.reconstruction(), EvaluationMode.FULL, 2);
            assertThat(e.samples()).isEqualTo(32);
            assertThat(e.readout()).hasSize(32 * 2);
            assertThat(e.output()).hasSize(32 * DIMENSION);
            assertThat(e.labels()).containsExactly(java.util.Arrays.copyOf(test.labels(), 32));
            double sum = 0;
            for (int i = 0; i < 32 * DIMENSION; i++) {
                double d = (double) e.output()[i] - test.features()[i];
                sum += d * d;
            }
            assertThat(e.meanSquaredError()).isCloseTo(sum / (32 * DIMENSION), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(net.isTraining()).as("mode restored").isTrue();
        }
    }

    @Test
    void evaluationInAnOrderEqualsEvaluationOfTheReorderedCopy() {
        Dataset test = manifold(40, 3);
        int[] order = LeTrainer.shuffledOrder(40, 9, 1);
        for (EvaluationMode mode : EvaluationMode.values()) {
            try (LeNetwork a = LeNetwork.create(autoencoder(1, 1, 1, 1), 1);
                    LeNetwork b = LeNetwork.create(autoencoder(1, 1, 1, 1), 1)) {
                Evaluation copied = new LeTrainer(a, 10, 1).evaluate(test.select(order), Targets.reconstruction(), mode,
                        2, 10);
                Evaluation ordered = new LeTrainer(b, 10, 1).evaluate(test, order, Targets.reconstruction(), mode, 2,
                        10);
                assertThat(ordered.samples()).isEqualTo(32);
                assertThat(ordered.labels()).containsExactly(copied.labels());
                assertThat(ordered.readout()).containsExactly(copied.readout());
                assertThat(ordered.output()).containsExactly(copied.output());
                assertThat(ordered.meanSquaredError()).isEqualTo(copied.meanSquaredError());
                assertThatThrownBy(() -> new LeTrainer(b, 10, 1).evaluate(test, new int[39], Targets.reconstruction(),
                        mode, 2, 10)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void feedForwardEvaluationEqualsFullEvaluationForBackprop() {
        Dataset train = manifold(64, 1), test = manifold(48, 2);
        try (LeNetwork net = LeNetwork.create(autoencoder(1, 1, 1, 1), 1)) {
            LeTrainer trainer = new LeTrainer(net, 50, 1);
            trainer.trainEpoch(train, Targets.reconstruction(), 1);
            Evaluation full = trainer.evaluate(test, Targets.reconstruction(), EvaluationMode.FULL, 2);
            Evaluation single = trainer.evaluate(test, Targets.reconstruction(), EvaluationMode.FEEDFORWARD, 2);
            assertThat(single.readout()).containsExactly(full.readout());
            assertThat(single.output()).containsExactly(full.output());
        }
    }

    /**
     * §2.8: ŭ is instantaneous, so (noise off) a presentation of 2K steps already ends where a long
     * one does; fewer than K steps leave the output on the previous batch.
     */
    @Test
    void fullEvaluationWithTwoKStepsEqualsTheLongPresentationAndTooFewStepsDoNot() {
        Dataset train = manifold(64, 1), test = manifold(48, 2);
        try (LeNetwork net = LeNetwork.create(autoencoder(1, 1, 1, 1), 1)) {
            LeTrainer trainer = new LeTrainer(net, 50, 1);
            trainer.trainEpoch(train, Targets.reconstruction(), 1);
            Evaluation reference = trainer.evaluate(test, Targets.reconstruction(), EvaluationMode.FULL, 2);
            Evaluation short8 = trainer.evaluate(test, Targets.reconstruction(), EvaluationMode.FULL, 2, 8);
            Evaluation short2 = trainer.evaluate(test, Targets.reconstruction(), EvaluationMode.FULL, 2, 2);
            assertThat(short8.readout()).containsExactly(reference.readout());
            assertThat(short8.output()).containsExactly(reference.output());
            assertThat(short2.output()).isNotEqualTo(reference.output());
            assertThatThrownBy(() -> trainer.evaluate(test, Targets.reconstruction(), EvaluationMode.FULL, 2, 0))
                    .hasMessageContaining("presentation steps must be >= 1");
        }
    }

    @Test
    void feedForwardEvaluationLeavesOutPalNoiseThatFullEvaluationKeeps() {
        Dataset test = manifold(32, 2);
        LeNetworkSpec spec = autoencoder(1, 1, 1, 1).toBuilder()
                .feedbackRule(TestNetworks.pal(new double[] {0.01, 0.01, 0.01, 0}, 0.8, 1e-4)).build();
        try (LeNetwork net = LeNetwork.create(spec, 1)) {
            LeTrainer trainer = new LeTrainer(net, 30, 1);
            Evaluation full = trainer.evaluate(test, Targets.reconstruction(), EvaluationMode.FULL, 2);
            Evaluation single = trainer.evaluate(test, Targets.reconstruction(), EvaluationMode.FEEDFORWARD, 2);
            double difference = TestNetworks.maxAbsDifference(full.output(), single.output());
            assertThat(difference).isGreaterThan(0).isLessThan(0.01);
        }
    }

    @Test
    void divergenceStopsTrainingWithTheStepAndLayer() {
        LeNetworkSpec spec = autoencoder(1, 1, 1, 1).toBuilder().baseLearningRate(1e7).build();
        try (LeNetwork net = LeNetwork.create(spec, 1)) {
            LeTrainer trainer = new LeTrainer(net, 100, 1);
            assertThatThrownBy(() -> trainer.trainEpoch(manifold(64, 1), Targets.reconstruction(), 1))
                    .isInstanceOfSatisfying(SimulationDivergedException.class, e -> {
                        assertThat(e.step() % 100).isZero(); // checked once per batch
                        assertThat(e.layer()).isBetween(1, 4);
                    });
        }
    }

    @Test
    void mismatchedShapesAreRejectedNamingWhatDoesNotFit() {
        try (LeNetwork net = LeNetwork.create(autoencoder(1, 1, 1, 1), 1)) {
            LeTrainer trainer = new LeTrainer(net, 10, 1);
            Dataset wrong = new Dataset(new float[32 * 3], new int[32], 3, 1);
            assertThatThrownBy(() -> trainer.trainEpoch(wrong, Targets.reconstruction(), 1))
                    .hasMessageContaining("dataset has 3 features");
            assertThatThrownBy(() -> trainer.trainEpoch(manifold(32, 1), Targets.oneHot(), 1))
                    .hasMessageContaining("targets have 4 values");
            assertThatThrownBy(() -> trainer.evaluate(manifold(8, 1), Targets.reconstruction(), EvaluationMode.FULL, 2))
                    .hasMessageContaining("fewer than one batch");
            assertThatThrownBy(() -> new LeTrainer(net, 0, 1)).hasMessageContaining("steps_per_batch");
        }
    }
}
