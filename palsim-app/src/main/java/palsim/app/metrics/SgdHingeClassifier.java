package palsim.app.metrics;

import org.apache.commons.rng.UniformRandomProvider;
import palsim.core.rng.RandomStreams;

/**
 * The reference's linear read-out (le-network.md §4.2): scikit-learn's {@code SGDClassifier}
 * with its defaults — hinge loss, L2 penalty α = 1e-4, intercept, "optimal" learning rate,
 * shuffling every epoch, {@code max_iter = 1000}, {@code tol = 1e-3}, {@code n_iter_no_change = 5},
 * one-vs-rest over the classes — re-implemented from that algorithm's documented definition.
 *
 * <p>Each binary problem (targets y_i = +1 for the class, −1 for the rest) minimises by plain
 * SGD {@code (1/n) Σ_i max(0, 1 − y_i (w·x_i + b)) + (α/2) ‖w‖²}. Per sample, with t counting
 * samples over all epochs from 1:
 * <pre>
 *   η_t = 1 / (α (t₀ + t − 1)),   t₀ = 1 / (η₀ α),   η₀ = α^(−1/4)  (Bottou's heuristic; 1000 for α = 1e-4)
 *   p   = w·x_i + b;              loss += max(0, 1 − y_i p)
 *   w  ← (1 − η_t α) w;           then if y_i p ≤ 1:  w ← w + η_t y_i x_i,  b ← b + η_t y_i
 * </pre>
 * (w is kept as a scale times a vector, so the decay costs O(1)). An epoch whose summed loss is
 * not below the best so far minus {@code tol · n} counts as "no improvement"; five in a row stop
 * the fit. Only the shuffling stream differs from scikit-learn's: it is
 * {@code RandomStreams.derived(seed, "lin_sep-sgd", c)} for class c, so a fit is a pure function
 * of its inputs and the seed (the reference seeds numpy with the run seed).
 */
public final class SgdHingeClassifier {
    public static final int MAX_EPOCHS = 1000;
    public static final double TOLERANCE = 1e-3;
    public static final int EPOCHS_WITHOUT_IMPROVEMENT = 5;

    static final String STREAM = "lin_sep-sgd";
    // scikit-learn's WeightVector renormalises below this scale to keep w accurate.
    private static final double MIN_WEIGHT_SCALE = 1e-9;

    private SgdHingeClassifier() {}

    /**
     * Fits one binary classifier per class present in {@code labels}.
     *
     * @param x standardised features, {@code labels.length × dimension}, row-major
     * @param alpha L2 penalty α (> 0)
     */
    public static OneVsRestLinearModel fit(double[] x, int[] labels, int dimension, double alpha, long seed) {
        return fit(x, labels, dimension, alpha, seed, true);
    }

    /** {@code shuffle = false} visits samples in order every epoch (scikit-learn's {@code shuffle=False}); for tests. */
    static OneVsRestLinearModel fit(double[] x, int[] labels, int dimension, double alpha, long seed, boolean shuffle) {
        int[] classes = LinearSeparability.classesOf(labels);
        double[] weights = new double[classes.length * dimension];
        double[] intercepts = new double[classes.length];
        double[] target = new double[labels.length];
        int[] order = new int[labels.length];
        double[] w = new double[dimension];
        for (int c = 0; c < classes.length; c++) {
            for (int i = 0; i < labels.length; i++) {
                target[i] = labels[i] == classes[c] ? 1.0 : -1.0;
            }
            intercepts[c] = fitBinary(x, target, dimension, alpha,
                    shuffle ? RandomStreams.derived(seed, STREAM, classes[c]) : null, order, w);
            System.arraycopy(w, 0, weights, c * dimension, dimension);
        }
        return new OneVsRestLinearModel(classes, weights, intercepts, dimension);
    }

    /** Fits w (written into {@code w}) and returns b; {@code random == null}: no shuffling. */
    private static double fitBinary(double[] x, double[] y, int dimension, double alpha, UniformRandomProvider random,
            int[] order, double[] w) {
        int n = y.length;
        java.util.Arrays.fill(w, 0.0);
        double scale = 1.0;
        double intercept = 0.0;
        double typicalWeight = Math.sqrt(1.0 / Math.sqrt(alpha));
        double initialRate = typicalWeight; // = typw / max(1, −dloss(−typw, 1)) and the hinge's |dloss| is 1
        double offset = 1.0 / (initialRate * alpha);
        long t = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        int withoutImprovement = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < MAX_EPOCHS; epoch++) {
            if (random != null) {
                RandomStreams.shuffle(random, order);
            }
            double lossSum = 0.0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                int row = i * dimension;
                double dot = 0.0;
                for (int j = 0; j < dimension; j++) {
                    dot += w[j] * x[row + j];
                }
                double p = scale * dot + intercept;
                double rate = 1.0 / (alpha * (offset + t - 1));
                double margin = y[i] * p;
                double update = 0.0;
                if (margin <= 1.0) {
                    lossSum += 1.0 - margin;
                    update = rate * y[i];
                }
                scale *= Math.max(0.0, 1.0 - rate * alpha);
                if (scale < MIN_WEIGHT_SCALE) {
                    for (int j = 0; j < dimension; j++) {
                        w[j] *= scale;
                    }
                    scale = 1.0;
                }
                if (update != 0.0) {
                    double step = update / scale;
                    for (int j = 0; j < dimension; j++) {
                        w[j] += step * x[row + j];
                    }
                    intercept += update;
                }
                t++;
            }
            if (lossSum > bestLoss - TOLERANCE * n) {
                withoutImprovement++;
            } else {
                withoutImprovement = 0;
            }
            if (lossSum < bestLoss) {
                bestLoss = lossSum;
            }
            if (withoutImprovement >= EPOCHS_WITHOUT_IMPROVEMENT) {
                break;
            }
        }
        for (int j = 0; j < dimension; j++) {
            w[j] *= scale;
        }
        return intercept;
    }
}
