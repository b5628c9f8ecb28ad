package palsim.core.microcircuit;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector species of the lane engine, one per precision: how many seeds share a vector. Fixed per
 * machine; a seed's results do not depend on it anyway (lanes never mix, and a group of one seed
 * runs the same operations at width 1), only how many seeds one group holds.
 */
final class LaneSpecies {
    private LaneSpecies() {}

    /**
     * The machine's preferred double vector, capped at 256 bits (4 seeds). On the AVX-512 machine
     * palsim was tuned on (AMD EPYC, family 26), 4 lanes gave about the per-seed throughput of 8 at
     * half the step time of a small group; a group of 4 also splits 10 seeds into 3 jobs that keep 2
     * cores busy.
     */
    static VectorSpecies<Double> doubleSpecies() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() > 256 ? DoubleVector.SPECIES_256 : DoubleVector.SPECIES_PREFERRED;
    }

    /** The float species (measured choice: see docs/benchmarks.md). */
    static VectorSpecies<Float> floatSpecies() {
        int bits = Integer.getInteger("palsim.floatLaneBits", 256);
        VectorSpecies<Float> capped = FloatVector.SPECIES_PREFERRED.vectorBitSize() > bits
                ? VectorSpecies.of(float.class, jdk.incubator.vector.VectorShape.forBitSize(bits)) : FloatVector.SPECIES_PREFERRED;
        return capped;
    }
}
