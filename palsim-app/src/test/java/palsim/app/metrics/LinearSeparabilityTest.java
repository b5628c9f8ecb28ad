package palsim.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;
import palsim.app.metrics.LatentFixtures.Latents;
import palsim.app.metrics.LinearSeparability.Solver;
import palsim.core.data.Dataset;

class LinearSeparabilityTest {

    private static double accuracy(Solver solver, long seed, Latents train, Latents test) {
        return LinearSeparability.of(solver, LinearSeparability.DEFAULT_ALPHA, seed)
                .accuracy(train.x(), train.y(), test.x(), test.y(), train.dimension());
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void wellSeparatedBlobsAreClassifiedAlmostPerfectly(Solver solver) {
        Latents train = LatentFixtures.blobsOnCircle(5_000, 10, 10.0, 0.3, 1);
        Latents test = LatentFixtures.blobsOnCircle(2_000, 10, 10.0, 0.3, 2);
        assertThat(accuracy(solver, 1, train, test)).isGreaterThanOrEqualTo(0.99);
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void labelsIndependentOfTheLatentsGiveChanceAccuracy(Solver solver) {
        Latents train = LatentFixtures.noise(5_000, 2, 10, 3);
        Latents test = LatentFixtures.noise(2_000, 2, 10, 4);
        // Chance is 1/10; even a constant prediction of the most frequent class stays well below 0.15.
        assertThat(accuracy(solver, 1, train, test)).isBetween(0.05, 0.15);
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void overlappingClassesFallBetweenChanceAndPerfect(Solver solver) {
        Latents train = LatentFixtures.blobsOnCircle(5_000, 10, 1.0, 0.4, 5);
        Latents test = LatentFixtures.blobsOnCircle(2_000, 10, 1.0, 0.4, 6);
        assertThat(accuracy(solver, 1, train, test)).isBetween(0.2, 0.9);
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void powerOfTwoFeatureScalesLeaveTheAccuracyBitIdentical(Solver solver) {
        // Scaling by 2^k is exact in floating point, so the standardised features are identical.
        Latents train = LatentFixtures.blobsOnCircle(4_000, 10, 1.0, 0.4, 7);
        Latents test = LatentFixtures.blobsOnCircle(2_000, 10, 1.0, 0.4, 8);
        float[] scale = {1024f, 0.125f};
        float[] offset = {0f, 0f};
        assertThat(accuracy(solver, 2, affine(train, scale, offset), affine(test, scale, offset)))
                .isEqualTo(accuracy(solver, 2, train, test));
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void arbitraryFeatureScaleAndOffsetLeaveTheSeedAveragedAccuracyUnchanged(Solver solver) {
        // Any affine map changes the standardised features only by rounding (~1e-7), but both
        // solvers take discrete decisions (margin ≤ 1), so single fits may differ by a few test
        // samples; averaged over seeds the accuracy is the same.
        Latents train = LatentFixtures.blobsOnCircle(4_000, 10, 1.0, 0.4, 7);
        Latents test = LatentFixtures.blobsOnCircle(2_000, 10, 1.0, 0.4, 8);
        float[] scale = {37.5f, -0.003f};
        float[] offset = {-12.25f, 0.7f};
        Latents movedTrain = affine(train, scale, offset);
        Latents movedTest = affine(test, scale, offset);
        double original = 0;
        double moved = 0;
        for (int seed = 0; seed < 8; seed++) {
            original += accuracy(solver, seed, train, test) / 8;
            moved += accuracy(solver, seed, movedTrain, movedTest) / 8;
        }
        assertThat(moved).isCloseTo(original, within(0.015));
    }

    private static Latents affine(Latents latents, float[] scale, float[] offset) {
        float[] x = latents.x().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = scale[i % 2] * x[i] + offset[i % 2];
        }
        return new Latents(x, latents.y(), latents.dimension());
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void sameInputsAndSeedGiveBitIdenticalAccuracyOnAnyThread(Solver solver) throws Exception {
        Latents train = LatentFixtures.blobsOnCircle(4_000, 10, 1.0, 0.5, 9);
        Latents test = LatentFixtures.blobsOnCircle(1_000, 10, 1.0, 0.5, 10);
        double first = accuracy(solver, 11, train, test);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Double> a = pool.submit(() -> accuracy(solver, 11, train, test));
            Future<Double> b = pool.submit(() -> accuracy(solver, 11, train, test));
            assertThat(a.get()).isEqualTo(first);
            assertThat(b.get()).isEqualTo(first);
        }
    }

    @Test
    void sgdAccuracyVariesWithTheSeedOnOverlappingClassesLikeTheReference() {
        // The reference's SGD classifier is stochastic; its spread is part of the metric.
        Latents train = LatentFixtures.blobsOnCircle(4_000, 10, 1.0, 0.5, 12);
        Latents test = LatentFixtures.blobsOnCircle(1_000, 10, 1.0, 0.5, 13);
        double[] accuracies = new double[5];
        for (int seed = 0; seed < 5; seed++) {
            accuracies[seed] = accuracy(Solver.SGD, seed, train, test);
        }
        assertThat(Arrays.stream(accuracies).distinct().count()).isGreaterThan(1);
    }

    @Test
    void higherDimensionalLatentsWork() {
        // Ten classes, one informative feature per class plus noise features: separable in 12-D.
        Latents noise = LatentFixtures.noise(3_000, 12, 10, 14);
        float[] x = noise.x().clone();
        for (int i = 0; i < noise.y().length; i++) {
            x[12 * i + noise.y()[i]] += 6f;
        }
        Latents all = new Latents(x, noise.y(), 12);
        Dataset data = new Dataset(all.x(), all.y(), 12, 10);
        double accuracy = LinearSeparability.reference(1).accuracy(data.slice(0, 2_000), data.slice(2_000, 3_000));
        assertThat(accuracy).isGreaterThan(0.95);
    }

    @Test
    void fiftyThousandTwoDimensionalLatentsAreFittedByEverySolver() {
        // The size of the full autoencoder protocol's latent set; how long it takes is measured in
        // docs/data.md, not asserted here (a shared 2-core machine makes wall-clock bounds flaky).
        Latents train = LatentFixtures.blobsOnCircle(50_000, 10, 1.0, 0.5, 15);
        Latents test = LatentFixtures.blobsOnCircle(10_000, 10, 1.0, 0.5, 16);
        for (Solver solver : Solver.values()) {
            // chance is 0.1; ten blobs on a circle are not linearly separable by one-vs-rest planes
            assertThat(accuracy(solver, 1, train, test)).as(solver + " accuracy").isGreaterThan(0.2);
        }
    }

    @Test
    void badInputIsRejectedNamingTheArgument() {
        LinearSeparability metric = LinearSeparability.reference(1);
        float[] x = {0, 1, 2, 3};
        assertThatThrownBy(() -> metric.accuracy(x, new int[] {0, 1, 1}, x, new int[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("trainX holds 4 values");
        assertThatThrownBy(() -> metric.accuracy(x, new int[] {0, 1}, x, new int[] {0}, 2)).hasMessageStartingWith("testX");
        assertThatThrownBy(() -> metric.accuracy(x, new int[] {1, 1}, x, new int[] {0, 1}, 2)).hasMessageContaining("two classes");
        assertThatThrownBy(() -> metric.accuracy(x, new int[] {0, 1}, x, new int[] {0, 1}, 0)).hasMessageStartingWith("dimension");
        float[] nan = {0, Float.NaN, 2, 3};
        assertThatThrownBy(() -> metric.accuracy(nan, new int[] {0, 1}, x, new int[] {0, 1}, 2))
                .hasMessage("trainX[1] = NaN is not finite");
        assertThatThrownBy(() -> LinearSeparability.of(Solver.SGD, 0, 1)).hasMessageStartingWith("alpha");
        assertThatThrownBy(() -> LinearSeparability.of(null, 1e-4, 1)).hasMessageStartingWith("solver");
    }

    /** The solver a config names, read the way the lin_sep settings read it. */
    private static Solver solverNamed(String name) {
        return ConfigDocument.parse("solver: " + name + "\n", "test.yaml").root().choice("solver", Solver.LIBLINEAR,
                Solver::configName);
    }

    @Test
    void solversAreNamedForConfigs() {
        assertThat(solverNamed("sgd")).isEqualTo(Solver.SGD);
        assertThat(solverNamed("liblinear")).isEqualTo(Solver.LIBLINEAR);
        assertThatThrownBy(() -> solverNamed("svm")).isInstanceOf(InputException.class)
                .hasMessage("solver: unknown value 'svm' (known: sgd, liblinear)");
        assertThat(LinearSeparability.reference(3)).hasToString("lin_sep: liblinear, alpha=1.0E-4, seed=3");
    }
}
