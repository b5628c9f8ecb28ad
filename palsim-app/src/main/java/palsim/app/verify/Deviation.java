package palsim.app.verify;

/**
 * How far an engine's value of one quantity is from the recording at one checkpoint: the largest
 * absolute difference over every layer, element and lane, that difference relative to the
 * quantity's scale, and the layer where the relative difference is largest.
 *
 * @param absolute max |engine − recording|
 * @param relative {@code absolute / scale}; 0 where both are 0, +∞ where only the scale is 0
 * @param layer the layer of the largest difference (1-based ℓ; 0 for the input)
 */
record Deviation(double absolute, double relative, int layer) {

    /** No difference at all. */
    static final Deviation NONE = new Deviation(0, 0, -1);

    /** The difference of one layer, given the quantity's scale. */
    static Deviation of(double[] engine, double[] recorded, double scale, int layer) {
        double worst = 0;
        for (int i = 0; i < recorded.length; i++) {
            double d = Math.abs(engine[i] - recorded[i]);
            // a NaN in the engine is the largest difference there is
            if (d > worst || Double.isNaN(d)) {
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
            }
        }
        double relative = worst == 0 ? 0 : scale > 0 ? worst / scale : Double.POSITIVE_INFINITY;
        return new Deviation(worst, relative, layer);
    }

    /**
     * The two combined: the larger absolute and relative differences, and the layer of the larger
     * relative one (the first on ties).
     */
    Deviation max(Deviation other) {
        double abs = Math.max(absolute, other.absolute);
        return other.relative > relative ? new Deviation(abs, other.relative, other.layer) : new Deviation(abs, relative, layer);
    }
}
