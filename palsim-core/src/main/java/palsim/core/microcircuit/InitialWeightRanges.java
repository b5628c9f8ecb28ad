package palsim.core.microcircuit;

/**
 * The uniform ranges of the four weight groups at initialisation (microcircuit.md §4.1, the
 * configuration keys {@code init_WPP_range}, {@code init_WIP_range}, {@code init_BPP_range},
 * {@code init_BPI_range}). In the self-predicting start (§4.2) the drawn W^IP and B^PI are
 * overwritten, but they are still drawn so that the stream position does not depend on it.
 *
 * @param forward W_ℓ, pyramid → pyramid (basal)
 * @param pyramidToInterneuron W^IP_ℓ
 * @param feedback B_ℓ, pyramid → pyramid (apical)
 * @param interneuronToPyramid B^PI_ℓ
 */
public record InitialWeightRanges(
        WeightRange forward, WeightRange pyramidToInterneuron, WeightRange feedback, WeightRange interneuronToPyramid) {

    /** All four groups U[−1, 1] (Fig. 1b). */
    public static final InitialWeightRanges SYMMETRIC_UNIT = uniform(WeightRange.of(-1, 1));

    public InitialWeightRanges {
        WeightRange.require("init_w_range", forward);
        WeightRange.require("init_wip_range", pyramidToInterneuron);
        WeightRange.require("init_b_range", feedback);
        WeightRange.require("init_bpi_range", interneuronToPyramid);
    }

    /** The same range for every group. */
    public static InitialWeightRanges uniform(WeightRange range) {
        return new InitialWeightRanges(range, range, range, range);
    }
}
