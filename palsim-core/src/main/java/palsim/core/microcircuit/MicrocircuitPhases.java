package palsim.core.microcircuit;

/**
 * The phase operations of one microcircuit step, from which a {@link StepOrder} composes the step.
 * Each operation acts on every layer and every lane of the engine at once; the engine has set this
 * step's input x(t) and optional target u^tgt(t) before the order is run.
 *
 * <p>The operations are those of microcircuit.md §2.3 (items 1–8, 10; recording, item 9, happens
 * outside the step), grouped so that each weight matrix is read once per step: an operation that
 * reads a matrix for a dendritic potential also applies that matrix's update, which depends only on
 * values known before the potential is computed (rates of this step, potentials and rates of the
 * previous step, the refreshed noise, the high-pass trace of the previous step). The values every
 * potential and update sees are those of the spec's order. Symbols are those of the spec; "prev"
 * denotes the value saved in {@link #saveLastValues()}.
 */
public interface MicrocircuitPhases {

    /**
     * §2.3.1: r^prev_ℓ = r_ℓ, r^{I,prev}_ℓ = r^I_ℓ, x^prev = x_last, v^{bas,prev}, v^{den,prev},
     * v^{api,prev} (noise-free).
     */
    void saveLastValues();

    /**
     * §2.3.2–3: ŭ = u^old + taur·τ·(u − u^old)/dt for pyramidal cells and interneurons (τ = τ_P, τ_N,
     * τ_I), r_ℓ = φ_ℓ(ŭ_ℓ), r^I_ℓ = φ_{ℓ+1}(ŭ^I_ℓ); x_last = x(t); then u^old = u, u^{I,old} = u^I.
     */
    void computeProspectiveRates();

    /**
     * §2.3.5 and §3.5: refreshes ξ_ℓ while noise is injected (the feedback switch is on), keeping
     * the ξ_ℓ of before the refresh for the somatic drive of this step (quirk 3).
     */
    void refreshNoise();

    /**
     * §2.3.4 and §2.3.8 for the feedback pathway: v^api_ℓ = B_ℓ r_{ℓ+1} + B^PI_ℓ r^I_ℓ with B_ℓ and
     * B^PI_ℓ as they were before this step, then the feedback rule's update of B_ℓ (BP: B := Wᵀ
     * with W before this step's update; PAL: ΔB with the refreshed ξ and the previous step's h) and
     * ΔB^PI_ℓ = −dt η^PI v^{api,prev}_ℓ r^{I,prev T}_ℓ, according to the learning switches.
     */
    void computeApicalPotentialsAndLearnFeedback();

    /**
     * §2.3.4, §2.3.7 and §2.3.8 for the forward pathway: v^den_ℓ = W^IP_ℓ r_ℓ and v^bas_ℓ =
     * W_ℓ r_{ℓ−1} (v^bas_1 = W_1 x(t), later layers see last step's rates) with W and W^IP as they
     * were before this step, then their updates (W through the forward low-pass D where the rule has
     * one) according to the learning switches, or only the observed raw ΔW. Runs after
     * {@link #computeApicalPotentialsAndLearnFeedback()}, which may read W.
     */
    void computeForwardPotentialsAndLearnForward();

    /**
     * §2.3.6 and the first half of §2.3.8: u^I_ℓ += dt G_I (u^I_eff − u^I_ℓ), u_ℓ += dt G (u_eff −
     * u_ℓ) for hidden layers (apical drive v^api + ξ while noise is injected) and the output (with
     * or without target); records per lane whether any new voltage is not finite.
     */
    void updateSomaticVoltages();

    /** §2.3.10: h_ℓ ← h_ℓ + (r_ℓ − r^prev_ℓ) − (dt/τ_HP) h_ℓ, where the rule keeps a high-pass. */
    void updateHighPass();
}
