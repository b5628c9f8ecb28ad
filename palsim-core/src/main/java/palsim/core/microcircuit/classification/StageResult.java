package palsim.core.microcircuit.classification;

/**
 * What one lane did in one stage.
 *
 * @param stage the stage
 * @param seed the lane's seed
 * @param predictions the decided class of every sample, in the split's own order (not the shuffled one)
 * @param labels the split's labels, in its order
 * @param classes the number of classes
 */
public record StageResult(Stage stage, long seed, int[] predictions, int[] labels, int classes) {

    /** The fraction of samples whose decision is their label. */
    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predictions[i] == labels[i]) {
                correct++;
            }
        }
        return labels.length == 0 ? Double.NaN : (double) correct / labels.length;
    }

    /** counts[label][prediction]. */
    public long[][] confusion() {
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predictions[i]]++;
        }
        return counts;
    }
}
