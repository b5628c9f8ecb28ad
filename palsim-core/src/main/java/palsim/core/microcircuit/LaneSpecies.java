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

    /**
     * The machine's preferred float vector, capped at 256 bits: 8 seeds on AVX2 and AVX-512 machines.
     * Measured on the AVX-512 machine (JMH, full groups of the classification step, per seed-step,
     * under load): [784-100-10] 19–23 µs at 8 lanes against 35–43 µs at 4 (128 bits) and 21–79 µs at
     * 16 (512 bits: a group's weights, 784·100·16 floats per matrix, no longer fit the caches);
     * [4-30-3] 0.35–0.52 µs at 8, 0.61–0.71 µs at 4, 0.30–0.35 µs at 16. 8 lanes is best or within
     * the noise of best for both, keeps the engine on one vector shape (the double engine's 256 bits),
     * and splits 10 seeds into groups of 8 and 2.
     */
    static VectorSpecies<Float> floatSpecies() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() > 256 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
    }
}
