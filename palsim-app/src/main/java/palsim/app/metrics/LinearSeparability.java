package palsim.app.metrics;

import java.util.Arrays;
import java.util.Locale;
import palsim.core.data.Dataset;

/**
 * The {@code lin_sep} metric (le-network.md §4.2): how well a linear classifier fitted on the
 * training latents predicts the labels of the test latents.
 * <ol>
 *   <li>standardise the features with the training set's mean and population standard
 *       deviation ({@link FeatureStandardisation}), applied to train and test alike;</li>
 *   <li>fit a one-vs-rest, L2-regularised (α = 1e-4), hinge-loss linear classifier with
 *       intercept on the training latents ({@link Solver});</li>
 *   <li>predict the argmax of the per-class decision values on the test latents;
 *       {@code lin_sep = correct / n_test}.</li>
 * </ol>
 * Works for any latent dimension (the autoencoder's is 2). Deterministic: the same inputs and
 * seed give the same accuracy on every run and thread count. Instances are immutable and can be
 * shared between threads.
 */
public final class LinearSeparability {
    /** The reference's L2 penalty (scikit-learn's default α). */
    public static final double DEFAULT_ALPHA = 1e-4;

    /** How the classifier is fitted; both minimise the same hinge objective, differently. */
    public enum Solver {
        /**
         * The reference's own classifier: scikit-learn's {@code SGDClassifier} defaults,
         * re-implemented ({@link SgdHingeClassifier}) to reproduce the reference numbers.
         * Stochastic: the accuracy varies with the seed by about as much as the reference's does
         * (a few percentage points on overlapping classes).
         */
        SGD("sgd") {
            @Override
            OneVsRestLinearModel fit(double[] x, int[] labels, int dimension, double alpha, long seed) {
                return SgdHingeClassifier.fit(x, labels, dimension, alpha, seed);
            }
        },
        /**
         * The default: liblinear's dual coordinate descent with C = 1/(α n), run to the optimum of
         * the same hinge objective ({@link LiblinearHingeClassifier}); deterministic in practice
         * (no classifier noise on top of the seed spread), with a (weakly) regularised intercept.
         */
        LIBLINEAR("liblinear") {
            @Override
            OneVsRestLinearModel fit(double[] x, int[] labels, int dimension, double alpha, long seed) {
                return LiblinearHingeClassifier.fit(x, labels, dimension, alpha, seed);
            }
        };

        private final String configName;

        Solver(String configName) {
            this.configName = configName;
        }

        /** The name used in configs and provenance: {@code sgd}, {@code liblinear}. */
        public String configName() {
            return configName;
        }

        abstract OneVsRestLinearModel fit(double[] x, int[] labels, int dimension, double alpha, long seed);
    }

    private final Solver solver;
    private final double alpha;
    private final long seed;

    private LinearSeparability(Solver solver, double alpha, long seed) {
        this.solver = solver;
        this.alpha = alpha;
        this.seed = seed;
    }

    /** The default metric: the spec's objective (α = 1e-4) solved by {@link Solver#LIBLINEAR}. */
    public static LinearSeparability reference(long seed) {
        return of(Solver.LIBLINEAR, DEFAULT_ALPHA, seed);
    }

    /**
     * @param solver how to fit the classifier
     * @param alpha L2 penalty α (finite, > 0)
     * @param seed seeds the solver's shuffling (use the run seed)
     */
    public static LinearSeparability of(Solver solver, double alpha, long seed) {
        if (solver == null) {
            throw new IllegalArgumentException("solver must be given (sgd or liblinear)");
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        return new LinearSeparability(solver, alpha, seed);
    }

    public Solver solver() {
        return solver;
    }

    public double alpha() {
        return alpha;
    }

    public long seed() {
        return seed;
    }

    /**
     * Test accuracy of a linear classifier fitted on the training latents.
     *
     * @param trainX training latents, {@code trainY.length × dimension}, row-major
     * @param trainY training labels (≥ 0; at least two distinct classes)
     * @param testX test latents, {@code testY.length × dimension}, row-major
     * @param testY test labels (a class absent from training is never predicted)
     * @param dimension latent dimension (features per sample)
     * @return correct predictions / {@code testY.length}
     */
    public double accuracy(float[] trainX, int[] trainY, float[] testX, int[] testY, int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        requireRows(trainX, trainY, dimension, "trainX", "trainY");
        requireRows(testX, testY, dimension, "testX", "testY");
        if (testY.length == 0) {
            throw new IllegalArgumentException("testY: need at least one test sample");
        }
        requireFinite(trainX, "trainX");
        requireFinite(testX, "testX");
        FeatureStandardisation standardisation = FeatureStandardisation.fit(trainX, dimension);
        OneVsRestLinearModel model = solver.fit(standardisation.apply(trainX), trainY, dimension, alpha, seed);
        return model.accuracy(standardisation.apply(testX), testY);
    }

    /** As {@link #accuracy(float[], int[], float[], int[], int)} with latents held as data sets (features = latents). */
    public double accuracy(Dataset trainLatents, Dataset testLatents) {
        if (trainLatents.dimension() != testLatents.dimension()) {
            throw new IllegalArgumentException("train and test latents differ in dimension: "
                    + trainLatents.dimension() + " vs " + testLatents.dimension());
        }
        return accuracy(trainLatents.features(), trainLatents.labels(), testLatents.features(), testLatents.labels(),
                trainLatents.dimension());
    }

    /** For provenance: {@code "lin_sep: sgd, alpha=1.0E-4, seed=1"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "lin_sep: %s, alpha=%s, seed=%d", solver.configName(), alpha, seed);
    }

    /** The distinct labels, ascending; at least two. */
    static int[] classesOf(int[] labels) {
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        if (classes.length < 2) {
            throw new IllegalArgumentException("trainY: need at least two classes, got " + classes.length);
        }
        if (classes[0] < 0) {
            throw new IllegalArgumentException("trainY: labels must be >= 0, got " + classes[0]);
        }
        return classes;
    }

    /** Rows of a row-major array, checking it divides evenly. */
    static int rows(float[] x, int dimension, String name) {
        if (dimension <= 0 || x.length % dimension != 0 || x.length == 0) {
            throw new IllegalArgumentException(name + ": " + x.length + " values are not a positive whole number of rows of "
                    + dimension);
        }
        return x.length / dimension;
    }

    private static void requireRows(float[] x, int[] y, int dimension, String xName, String yName) {
        if ((long) y.length * dimension != x.length) {
            throw new IllegalArgumentException(xName + " holds " + x.length + " values, expected " + yName + ".length ("
                    + y.length + ") × dimension (" + dimension + ")");
        }
    }

    private static void requireFinite(float[] x, String name) {
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + x[i] + " is not finite");
            }
        }
    }
}
