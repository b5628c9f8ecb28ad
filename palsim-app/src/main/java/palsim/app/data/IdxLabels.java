package palsim.app.data;

/**
 * Class labels read from an IDX file ({@code idx1-ubyte}), each checked to lie in
 * {@code [0, classes)}.
 *
 * @param labels one label per sample
 * @param file where they came from
 */
public record IdxLabels(int[] labels, DataFile file) {

    /** Number of labels. */
    public int count() {
        return labels.length;
    }
}
