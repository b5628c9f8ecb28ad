package palsim.app.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import palsim.core.data.Dataset;

/**
 * The Yin-Yang classification data set (Kriener et al., 2022) as the PAL authors' microcircuit
 * experiments generate it (microcircuit-classification.md §6.3): points (x, y) of the unit disc
 * centred at (0.5, 0.5), in three classes, with the four input features {@code [x, y, 1 − x, 1 − y]}.
 *
 * <p><b>Generation.</b> Each set has its own {@link NumpyLegacyRandom} (numpy's legacy
 * {@code RandomState(seed)}). For each sample: {@code goal = randint(3)}; then repeatedly
 * {@code (x, y) = rand(2) · 2 · R_BIG}, rejected when farther than {@code R_BIG} from the centre,
 * until {@link #classOf(double, double)} equals the goal. So the classes are balanced in
 * expectation and the points uniform within each class.
 *
 * <p><b>Class rule</b> ({@link #classOf}), with d_R and d_L the distances to (0.75, 0.5) and
 * (0.25, 0.5): 2 (the dots) if d_R &lt; 0.1 or d_L &lt; 0.1; otherwise 1 if d_R ≤ 0.1, or
 * 0.1 &lt; d_L ≤ 0.25, or (y &gt; 0.5 and d_R &gt; 0.25); otherwise 0. Label 1 is the region the
 * rule calls "yin"; the reference's list of class names calls label 0 "yin" and label 1 "yang",
 * so palsim names the classes by the rule ({@link #CLASS_NAMES}) and uses labels only as indices.
 *
 * <p><b>Precision.</b> The features are generated in double. {@link YinYangSet#dataset()} rounds
 * each double (x, y, and 1 − x, 1 − y computed in double) to the nearest float, exactly as the
 * reference's float32 network received them; {@link YinYangSet#features()} keeps the doubles.
 */
public final class YinYang {
    /** Radius of the disc. */
    public static final double R_BIG = 0.5;
    /** Radius of the two dots. */
    public static final double R_SMALL = 0.1;
    public static final int CLASSES = 3;
    /** Features per sample: x, y, 1 − x, 1 − y. */
    public static final int FEATURES = 4;
    /** Names by the class rule: label 0 = yang, 1 = yin (see the class comment), 2 = the dots. */
    public static final List<String> CLASS_NAMES = List.of("yang", "yin", "dot");

    /** The reference's set sizes (3 classes × 2000 / 300 / 300 per class) and seeds. */
    public static final int TRAIN_SIZE = 6000;
    public static final int VALIDATION_SIZE = 900;
    public static final int TEST_SIZE = 900;
    public static final long TRAIN_SEED = 9_876_543L;
    public static final long VALIDATION_SEED = 9_876_544L;
    public static final long TEST_SEED = 9_876_545L;

    private static final double CENTRE = R_BIG;
    private static final double RIGHT_DOT_X = 1.5 * R_BIG;
    private static final double LEFT_DOT_X = 0.5 * R_BIG;

    private YinYang() {}

    /** The class of the point (x, y) by the rule above; points outside the disc are classified all the same. */
    public static int classOf(double x, double y) {
        double dRight = distance(x, y, RIGHT_DOT_X, CENTRE);
        double dLeft = distance(x, y, LEFT_DOT_X, CENTRE);
        boolean dots = dRight < R_SMALL || dLeft < R_SMALL;
        if (dots) {
            return 2;
        }
        // The first criterion can no longer hold here (d_R < 0.1 returned above; d_R == 0.1 exactly
        // still counts); kept to follow the rule as written.
        boolean yin = dRight <= R_SMALL
                || (dLeft > R_SMALL && dLeft <= 0.5 * R_BIG)
                || (y > R_BIG && dRight > 0.5 * R_BIG);
        return yin ? 1 : 0;
    }

    /**
     * {@code size} samples drawn from {@code RandomState(seed)} as described above.
     *
     * @param seed in {@code [0, 2³²)} (numpy's range for an integer seed)
     */
    public static YinYangSet generate(int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        NumpyLegacyRandom random = new NumpyLegacyRandom(seed);
        double[] features = new double[size * FEATURES];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            int goal = random.randint(CLASSES);
            double x;
            double y;
            do {
                // rand(2) * 2 * r_big: x is drawn before y.
                x = random.randomSample() * 2 * R_BIG;
                y = random.randomSample() * 2 * R_BIG;
            } while (distance(x, y, CENTRE, CENTRE) > R_BIG || classOf(x, y) != goal);
            labels[i] = goal;
            features[i * FEATURES] = x;
            features[i * FEATURES + 1] = y;
            features[i * FEATURES + 2] = 1 - x;
            features[i * FEATURES + 3] = 1 - y;
        }
        return new YinYangSet(features, labels, seed);
    }

    /** The reference's three sets: train 6000 (seed 9876543), validation 900 (9876544), test 900 (9876545). */
    public static DataSplit split() {
        return split(TRAIN_SIZE, TRAIN_SEED, VALIDATION_SIZE, VALIDATION_SEED, TEST_SIZE, TEST_SEED);
    }

    /** Three independently seeded sets; a validation size of 0 leaves the validation part out. */
    public static DataSplit split(int trainSize, long trainSeed, int validationSize, long validationSeed, int testSize,
            long testSeed) {
        YinYangSet train = generate(trainSize, trainSeed);
        Optional<YinYangSet> validation = validationSize > 0
                ? Optional.of(generate(validationSize, validationSeed)) : Optional.empty();
        YinYangSet test = generate(testSize, testSeed);
        String description = String.format(Locale.ROOT, "Yin-Yang, generated: train %d (seed %d), %stest %d (seed %d)",
                trainSize, trainSeed, validation.map(v -> String.format(Locale.ROOT, "validation %d (seed %d), ",
                        validationSize, validationSeed)).orElse(""), testSize, testSeed);
        return new DataSplit(description, train.dataset(), validation.map(YinYangSet::dataset), test.dataset(), List.of());
    }

    /**
     * The (x, y) of every sample of a Yin-Yang {@link Dataset} (its first two features), as
     * {@code size × 2} doubles row-major, e.g. for plotting the test set.
     */
    public static double[] points(Dataset data) {
        if (data.dimension() != FEATURES) {
            throw new IllegalArgumentException("a Yin-Yang data set has " + FEATURES + " features, got " + data.dimension());
        }
        double[] xy = new double[2 * data.size()];
        for (int i = 0; i < data.size(); i++) {
            xy[2 * i] = data.features()[i * FEATURES];
            xy[2 * i + 1] = data.features()[i * FEATURES + 1];
        }
        return xy;
    }

    /** Euclidean distance, computed as the reference does: sqrt((x − cx)² + (y − cy)²). */
    private static double distance(double x, double y, double cx, double cy) {
        double dx = x - cx;
        double dy = y - cy;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
