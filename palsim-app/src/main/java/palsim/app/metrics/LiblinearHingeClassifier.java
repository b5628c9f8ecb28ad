package palsim.app.metrics;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import palsim.core.rng.RandomStreams;

/**
 * One-vs-rest L2-regularised hinge-loss (L1-loss) linear SVM solved by liblinear's dual
 * coordinate descent ({@link SolverType#L2R_L1LOSS_SVC_DUAL}): per class it minimises
 * <pre>
 *   ½ ‖(w, b/B)‖² + C Σ_i max(0, 1 − y_i (w·x_i + b)),   C = 1 / (α n)
 * </pre>
 * which is the reference's objective {@code (1/n) Σ hinge + (α/2) ‖w‖²} multiplied by 1/α — except
 * that liblinear folds the intercept into the weights through a constant bias feature B, so b is
 * regularised too (weakly: by ½ (b/B)²). The stopping tolerance is far tighter than liblinear's
 * default (0.1, which stops on overlapping classes long before the optimum and makes the result
 * depend on the coordinate order): at {@link #TOLERANCE} the fit is the optimum of the objective,
 * the same for every seed to the printed digits. liblinear's coordinate order is shuffled with
 * {@code RandomStreams.derived(seed, "lin_sep-liblinear", 0)}, so a fit is a pure function of its
 * inputs and the seed.
 */
public final class LiblinearHingeClassifier {
    /** Value of the constant bias feature (liblinear's {@code -B 1}). */
    public static final double BIAS_FEATURE = 1.0;
    /** Stopping tolerance of the dual solver: tight enough to reach the optimum (see class doc). */
    public static final double TOLERANCE = 1e-4;
    /** Upper bound on the solver's passes; far more than it needs at {@link #TOLERANCE}. */
    public static final int MAX_PASSES = 100_000;

    static final String STREAM = "lin_sep-liblinear";

    static {
        Linear.disableDebugOutput(); // liblinear prints every iteration to stdout otherwise
    }

    private LiblinearHingeClassifier() {}

    /**
     * Fits one binary classifier per class present in {@code labels}.
     *
     * @param x standardised features, {@code labels.length × dimension}, row-major
     * @param alpha L2 penalty α of the reference's objective (> 0); C = 1 / (α n)
     */
    public static OneVsRestLinearModel fit(double[] x, int[] labels, int dimension, double alpha, long seed) {
        int[] classes = LinearSeparability.classesOf(labels);
        int n = labels.length;
        Problem problem = new Problem();
        problem.l = n;
        problem.n = dimension + 1;
        problem.bias = BIAS_FEATURE;
        problem.x = new Feature[n][];
        problem.y = new double[n];
        for (int i = 0; i < n; i++) {
            Feature[] row = new Feature[dimension + 1];
            for (int j = 0; j < dimension; j++) {
                row[j] = new FeatureNode(j + 1, x[i * dimension + j]);
            }
            row[dimension] = new FeatureNode(dimension + 1, BIAS_FEATURE);
            problem.x[i] = row;
            problem.y[i] = labels[i];
        }
        Parameter parameter = new Parameter(SolverType.L2R_L1LOSS_SVC_DUAL, 1.0 / (alpha * n), TOLERANCE);
        parameter.setMaxIters(MAX_PASSES);
        parameter.setRandom(new ProviderBackedRandom(RandomStreams.derived(seed, STREAM, 0)));
        Model model = Linear.train(problem, parameter);

        // liblinear orders classes by first appearance and stores one weight vector for two
        // classes; getDecfunCoef/getDecfunBias undo both, giving w_c and b_c per class.
        int[] modelLabels = model.getLabels();
        double[] weights = new double[classes.length * dimension];
        double[] intercepts = new double[classes.length];
        for (int m = 0; m < modelLabels.length; m++) {
            int c = java.util.Arrays.binarySearch(classes, modelLabels[m]);
            for (int j = 0; j < dimension; j++) {
                weights[c * dimension + j] = model.getDecfunCoef(j + 1, m);
            }
            intercepts[c] = model.getDecfunBias(m);
        }
        return new OneVsRestLinearModel(classes, weights, intercepts, dimension);
    }

    /**
     * liblinear takes a {@link java.util.Random}; this one draws from a palsim stream so that
     * all randomness still comes from {@link RandomStreams}.
     */
    private static final class ProviderBackedRandom extends Random {
        private static final long serialVersionUID = 1L;
        private final transient UniformRandomProvider provider;

        ProviderBackedRandom(UniformRandomProvider provider) {
            this.provider = provider;
        }

        @Override
        protected int next(int bits) {
            return provider.nextInt() >>> (32 - bits);
        }
    }
}
