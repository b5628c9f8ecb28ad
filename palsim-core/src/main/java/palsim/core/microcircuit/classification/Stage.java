package palsim.core.microcircuit.classification;

import palsim.core.microcircuit.LearningSwitches;

/**
 * One stage of a classification protocol: one pass over one split with the circuit switched as
 * given. Learning, teaching and noise are independent switches: the reference protocol keeps its
 * exploratory noise on while it validates and tests, with learning and teaching off.
 *
 * @param split the samples presented
 * @param epoch the epoch the stage's results are reported at (validation e: before training epoch
 *     e+1; training e: the e-th training epoch; test: after the last)
 * @param learning which weights learn
 * @param teaching whether the target nudges the output
 * @param noise whether the feedback rule's exploratory noise is injected
 * @param shuffle whether each lane presents the split in a fresh order of its own
 */
public record Stage(Split split, int epoch, LearningSwitches learning, boolean teaching, boolean noise, boolean shuffle) {

    /** A stage that only evaluates: learning and teaching off, noise as given, shuffled. */
    public static Stage evaluation(Split split, int epoch, boolean noise) {
        return new Stage(split, epoch, LearningSwitches.OFF, false, noise, true);
    }

    /** A training stage: everything learns, the target teaches, noise on, shuffled. */
    public static Stage training(int epoch) {
        return new Stage(Split.TRAINING, epoch, LearningSwitches.ALL, true, true, true);
    }
}
