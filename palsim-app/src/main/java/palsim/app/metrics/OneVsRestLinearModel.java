package palsim.app.metrics;

/**
 * A one-vs-rest linear classifier: one decision function {@code f_c(x) = w_c·x + b_c} per class
 * seen in training; the prediction is the class with the largest value (ties go to the lower
 * class label, like {@code numpy.argmax} over sorted classes).
 *
 * @param classes the class labels, ascending
 * @param weights {@code classes.length × dimension} values, row c = w_c
 * @param intercepts b_c per class
 * @param dimension features per sample
 */
public record OneVsRestLinearModel(int[] classes, double[] weights, double[] intercepts, int dimension) {

    public OneVsRestLinearModel {
        if (weights.length != classes.length * dimension || intercepts.length != classes.length) {
            throw new IllegalArgumentException("weights must be classes × dimension and intercepts one per class");
        }
    }

    /** The predicted class of row {@code row} of {@code x} (row-major, {@code dimension} features per row). */
    public int predict(double[] x, int row) {
        int offset = row * dimension;
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes.length; c++) {
            double value = intercepts[c];
            for (int j = 0; j < dimension; j++) {
                value += weights[c * dimension + j] * x[offset + j];
            }
            if (value > bestValue) {
                bestValue = value;
                best = c;
            }
        }
        return classes[best];
    }

    /** Fraction of rows of {@code x} whose prediction equals {@code labels}. */
    public double accuracy(double[] x, int[] labels) {
        int correct = 0;
        for (int r = 0; r < labels.length; r++) {
            if (predict(x, r) == labels[r]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
