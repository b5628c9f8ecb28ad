package palsim.app.verify;

import java.util.List;
import java.util.SortedMap;
import palsim.core.microcircuit.CircuitSnapshot;
import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitSpec;

/**
 * A step-level recording of a microcircuit: the circuit, its state at the start, every step's
 * input, target and noise, and the whole state after some of the steps.
 *
 * @param file the file as the user named it
 * @param task the recorded task ({@code bw_only}, {@code fw_bw}; informational)
 * @param seed the recorded seed (informational)
 * @param circuit the circuit the trace's parameters describe
 * @param switches the learning switches of the recorded steps
 * @param start the state before the first recorded step
 * @param steps the recorded steps in order
 * @param checkpoints the state after k steps, by k (1 ≤ k ≤ steps.size())
 */
record ReferenceTrace(String file, String task, long seed, MicrocircuitSpec circuit, LearningSwitches switches,
        CircuitSnapshot start, List<Step> steps, SortedMap<Integer, CircuitSnapshot> checkpoints) {

    /**
     * One recorded step.
     *
     * @param input x(t), n_0 values
     * @param target u^tgt(t), n_N values, or null for a free output
     * @param noise ξ_ℓ after the step for ℓ = 1…N−1 (index ℓ−1), or null for a rule without noise
     */
    record Step(double[] input, double[] target, double[][] noise) {}
}
