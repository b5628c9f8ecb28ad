package palsim.core.microcircuit;

/**
 * The phase operations of one microcircuit step, from which a {@link StepOrder} composes the step.
 * Each operation acts on every layer and every lane of the engine at once; the engine has set this
 * step's input x(t) and optional target u^tgt(t) before the order is run.
 *
 * <p>The operations are those of microcircuit.md §2.3 (items 1–8, 10); recording (item 9) happens
 * outside the step. Symbols are those of the spec; "prev" denotes the value saved in
 * {@link #saveLastValues()}.
 */
public interface MicrocircuitPhases {

    /**
     * §2.3.1: r^prev_ℓ = r_ℓ, r^{I,prev}_ℓ = r^I_ℓ, x^prev = x_last, v^{bas,prev}, v^{den,prev},
     * v^{api,prev} (noise-free).
     */
    void saveLastValues();

    /**
     * §2.3.2: ŭ = u^old + taur·τ·(u − u^old)/dt for pyramidal cells and interneurons (τ = τ_P, τ_N,
     * τ_I), r_ℓ = φ_ℓ(ŭ_ℓ), r^I_ℓ = φ_{ℓ+1}(ŭ^I_ℓ); x_last = x(t).
     */
    void computeProspectiveRates();

    /** §2.3.3: u^old = u, u^{I,old} = u^I. */
    void shiftVoltageBuffers();

    /**
     * §2.3.4: v^bas_1 = W_1 x(t), v^bas_ℓ = W_ℓ r_{ℓ−1}, v^den_ℓ = W^IP_ℓ r_ℓ,
     * v^api_ℓ = B_ℓ r_{ℓ+1} + B^PI_ℓ r^I_ℓ, and the apical drive of the soma: v^api_ℓ + ξ_ℓ (ξ
     * before this step's refresh) while noise is injected, else v^api_ℓ.
     */
    void computeDendriticPotentials();

    /** §2.3.5 and §3.5: refreshes ξ_ℓ while noise is injected (the feedback switch is on). */
    void refreshNoise();

    /** §2.3.6: Δu^I_ℓ, Δu_ℓ (hidden) and Δu_N (with or without target), from u before the update. */
    void computeSomaticIncrements();

    /**
     * §2.3.7: the per-neuron factors of the weight increments of §3.1–3.3, e.g.
     * dt·η^fw_ℓ·[r_ℓ − φ_ℓ(a v^{bas,prev}_ℓ)], for every group that learns or is observed.
     */
    void computePlasticitySignals();

    /** §2.3.8, first half: u += Δu, u^I += Δu^I. */
    void applyVoltageIncrements();

    /**
     * §2.3.8, second half: the feedback rule's update of every B_ℓ (BP: B := Wᵀ with W before
     * this step's update, PAL: ΔB with the refreshed ξ), then B^PI, W^IP and W (directly, or
     * through the forward low-pass D where the rule has one) according to the learning switches.
     */
    void applyWeightIncrements();

    /** §2.3.10: h_ℓ ← h_ℓ + (r_ℓ − r^prev_ℓ) − (dt/τ_HP) h_ℓ, where the rule keeps a high-pass. */
    void updateHighPass();
}
