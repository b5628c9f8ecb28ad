package palsim.core.le;

/** A per-neuron, per-sample quantity of an LE network's state that can be read out. */
public enum StateQuantity {
    /** r_k = φ_k(ŭ_k). */
    RATE,
    /** r'_k = φ'_k(ŭ_k). */
    RATE_DERIVATIVE,
    /** ŭ_k, the prospective ("lookahead") voltage. */
    PROSPECTIVE_VOLTAGE,
    /** u_k, the membrane potential (only with {@code integrateMembranePotential}). */
    MEMBRANE_POTENTIAL,
    /** e_k, the population's own error as last stored (le-network.md §2.3 S4). */
    ERROR,
    /** ξ_k, the exploratory OU noise (PAL). */
    NOISE,
    /** h_k, the high-pass-filtered rate (PAL). */
    HIGH_PASS
}
