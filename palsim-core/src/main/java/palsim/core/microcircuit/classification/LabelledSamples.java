package palsim.core.microcircuit.classification;

import palsim.core.data.Dataset;

/**
 * The three splits of a classification task and the teacher's rates: the target of a sample is
 * {@code high} for its label and {@code low} for every other class. The label is kept apart from
 * the target: accuracy compares the decision with the label, whatever the target rates are.
 *
 * @param training the training set
 * @param validation the validation set
 * @param test the test set
 * @param high the target rate of the labelled class (the reference: 1.0)
 * @param low the target rate of every other class (the reference: 0.1)
 */
public record LabelledSamples(Dataset training, Dataset validation, Dataset test, double high, double low) {

    public LabelledSamples {
        if (training.dimension() != validation.dimension() || training.dimension() != test.dimension()) {
            throw new IllegalArgumentException("splits differ in dimension: " + training.dimension() + ", "
                    + validation.dimension() + ", " + test.dimension());
        }
        if (training.classes() != validation.classes() || training.classes() != test.classes()) {
            throw new IllegalArgumentException("splits differ in their number of classes");
        }
        if (!Double.isFinite(high) || !Double.isFinite(low)) {
            throw new IllegalArgumentException("target rates must be finite, got " + high + " and " + low);
        }
    }

    public Dataset split(Split split) {
        return switch (split) {
            case TRAINING -> training;
            case VALIDATION -> validation;
            case TEST -> test;
        };
    }

    public int dimension() {
        return training.dimension();
    }

    public int classes() {
        return training.classes();
    }
}
