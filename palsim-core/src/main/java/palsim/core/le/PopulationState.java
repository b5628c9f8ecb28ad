package palsim.core.le;

import palsim.core.neuron.Activation;

/**
 * The dynamical state of one population k of an LE network for a batch of N samples, in flat
 * feature-major buffers (n_k × N; neuron i, sample s at {@code i·N + s}) unless said otherwise.
 *
 * <p>Quantities the step reads from the previous step and also rewrites are double-buffered
 * (le-network.md §2.3, pitfall 2: every layer reads the rates of the layer below as they were at
 * the end of the previous step): the step writes the {@code …Next} buffer and {@link #swap()}
 * exchanges the pair after the whole step.
 *
 * <table class="striped">
 *   <caption>Spec symbol → field (le-network.md §1, §2)</caption>
 *   <tr><th>symbol</th><th>field</th></tr>
 *   <tr><td>ŭ_k (prospective voltage)</td><td>{@link #voltage}</td></tr>
 *   <tr><td>u_k (membrane potential, only if integrated explicitly)</td><td>{@link #membrane}</td></tr>
 *   <tr><td>r_k, R[k]</td><td>{@link #rate} / {@link #rateNext}</td></tr>
 *   <tr><td>R[k]ᵀ (N × n_k, for the weight update of the layer above)</td><td>{@link #rateTransposed} / {@link #rateTransposedNext}</td></tr>
 *   <tr><td>r'_k, R'[k]</td><td>{@link #slope} / {@link #slopeNext}</td></tr>
 *   <tr><td>e_k (own error) / d_k = E[k] (error computed for it this step)</td><td>{@link #error} / {@link #errorNext}</td></tr>
 *   <tr><td>g_k = e_k + ξ_k (Variant A hand-down signal)</td><td>{@link #handDownSignal}</td></tr>
 *   <tr><td>ξ_k (OU noise)</td><td>{@link #noise}</td></tr>
 *   <tr><td>h_k (high-passed rate), H[k]ᵀ</td><td>{@link #highPass}, {@link #highPassTransposed}</td></tr>
 *   <tr><td>E[k]ᵀ (N × n_k, this step's error, for rules that learn from the forward update)</td><td>{@link #errorTransposed}</td></tr>
 * </table>
 *
 * @param <A> the array type
 */
final class PopulationState<A> {
    final int size;
    final Activation activation;

    A voltage;
    A membrane;
    A rate;
    A rateNext;
    A rateTransposed;
    A rateTransposedNext;
    A slope;
    A slopeNext;
    A error;
    A errorNext;
    A handDownSignal;
    /** Whether {@link #handDownSignal} holds this step's g_k; otherwise g_k = e_k. */
    boolean handDownSignalCurrent;
    A noise;
    A highPass;
    A highPassTransposed;
    A errorTransposed;

    PopulationState(int size, Activation activation) {
        this.size = size;
        this.activation = activation;
    }

    /** g_k of this step: e_k + ξ_k where phase 0 formed it, else e_k itself. */
    A handDownSource() {
        return handDownSignalCurrent ? handDownSignal : error;
    }

    /** Makes this step's results the current state. */
    void swap() {
        A t = rate;
        rate = rateNext;
        rateNext = t;
        t = slope;
        slope = slopeNext;
        slopeNext = t;
        t = rateTransposed;
        rateTransposed = rateTransposedNext;
        rateTransposedNext = t;
        t = error;
        error = errorNext;
        errorNext = t;
    }
}
