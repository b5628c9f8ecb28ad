package palsim.core.microcircuit;

import palsim.core.feedback.FeedbackSignal;

/**
 * What {@link MicrocircuitGroup} and {@link LaneFeedbackProjection} need from the code that runs a
 * step on a {@link LaneState}: one implementation per {@link StepOrder} and precision
 * ({@code DoubleLaneStepper}/{@code FloatLaneStepper} for the rates-first order,
 * {@code DoubleSynapsesFirstStepper}/{@code FloatSynapsesFirstStepper} for the synapses-first order,
 * generated from one template each). Both orders share the
 * state layout and the kernels; they differ in which values a step reads and when it writes them.
 */
interface LaneEngine {

    /** Called before each step with the number of steps taken so far (the rule's schedule). */
    void beginStep(long step);

    void setSwitches(LearningSwitches switches);

    LearningSwitches switches();

    /** Keeps the raw ΔW of every step (the update-angle metric), where the order supports it. */
    void observeForwardUpdates(boolean observed);

    boolean forwardUpdatesObserved();

    /** This step's input x and target (null: free output); read during the step only. */
    void setInput(double[] input, double[] target);

    /** Runs one step. */
    void step();

    /**
     * Checks that this engine keeps {@code signal} for population {@code population} now.
     *
     * @throws IllegalStateException naming what the rule failed to declare
     */
    void requireSignal(FeedbackSignal signal, int population);

    /** η^fw_ℓ while W_ℓ learns in this step, else 0. */
    double forwardLearningRateNow(int layer);
}
