package palsim.core.feedback;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How a network obtains and learns its top-down (feedback) weights: backpropagation, feedback
 * alignment, direct feedback alignment, phaseless alignment learning, and rules added later.
 *
 * <p>A rule is immutable configuration; one instance serves every projection of every network it
 * is bound to. Engines of both models call it in this order:
 * <ol>
 *   <li>{@link #validateFor(ModelKind, int[])} when a configuration is checked;
 *   <li>{@link #pathway()}, {@link #noise()}, {@link #highPassTau()}, {@link #forwardLowPassTau()},
 *       {@link #forwardDecay()} and {@link #learningSignals()} when a network is built, to choose
 *       kernels and allocate the rule's filter states ({@link RuleTimeConstants} checks the time
 *       constants against the model's dt);
 *   <li>{@link #initialise(FeedbackProjection, UniformRandomProvider)} once per projection;
 *   <li>{@link #update(FeedbackProjection, double, boolean)} once per projection and step, at the
 *       point of the step its model's spec prescribes;
 *   <li>{@link #describe()} for provenance.
 * </ol>
 */
public interface FeedbackRule {

    /** The configuration name: {@code bp}, {@code fa}, {@code dfa}, {@code pal}, {@code sign_symmetry}, … */
    String name();

    /** Which matrix carries the top-down signal. */
    FeedbackPathway pathway();

    /**
     * Checks that the rule's settings fit a network of the given model and layer sizes
     * ({@code layers[0]} = input size). The message of the exception names the offending setting,
     * e.g. {@code "noise.std has 2 entries, the network has 3 hidden populations"}.
     *
     * @throws IllegalArgumentException if they do not
     */
    default void validateFor(ModelKind model, int[] layers) {
        // a rule without settings fits every model and size
    }

    /**
     * Sets up B of a freshly built network. By default B starts from the model's random initial
     * distribution (FA, DFA, PAL, Kolen–Pollack, weight mirrors); rules that derive B from W override it.
     */
    default void initialise(FeedbackProjection projection, UniformRandomProvider rng) {
        projection.drawRandomFeedback(rng);
    }

    /**
     * This step's change of B.
     *
     * @param dt the time step
     * @param feedbackLearning whether feedback learning is switched on now (the microcircuit's
     *     {@code learn_bw_weights}; off while settling, in LE evaluation, and outside the rule's
     *     {@link #schedule()}). BP re-ties B regardless.
     */
    void update(FeedbackProjection projection, double dt, boolean feedbackLearning);

    /**
     * When the rule is in its learning mode, if it is phased (weight mirrors). Outside the schedule's
     * phases an engine injects none of the rule's noise and passes {@code feedbackLearning = false}
     * to {@link #update}. Empty: always (every other rule).
     */
    default Optional<FeedbackSchedule> schedule() {
        return Optional.empty();
    }

    /** Exploratory noise the rule injects into hidden populations, if any (PAL). */
    default Optional<ExploratoryNoise> noise() {
        return Optional.empty();
    }

    /** τ of the high-pass trace of the rates the rule learns from; 0 if the rule keeps none. */
    default double highPassTau() {
        return 0.0;
    }

    /** τ of a low-pass filter on forward-weight updates; 0 = updates applied as they come. */
    default double forwardLowPassTau() {
        return 0.0;
    }

    /**
     * λ of a decay of the forward weights that the rule needs (Kolen–Pollack): while W_ℓ learns with
     * rate η_ℓ, the engine adds −η_ℓ·dt·λ·W_ℓ to its update. 0 = no decay.
     */
    default double forwardDecay() {
        return 0.0;
    }

    /**
     * The signals the rule passes to {@link FeedbackProjection#learnFromCorrelation}, so that an
     * engine keeps exactly those (e.g. a transposed copy of the errors for
     * {@link FeedbackSignal#FORWARD_UPDATE}) and none for rules that do not learn.
     */
    default Set<FeedbackSignal> learningSignals() {
        return Set.of();
    }

    /** The rule's settings by name, for provenance and summaries. */
    Map<String, Object> describe();
}
