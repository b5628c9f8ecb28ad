package palsim.core.microcircuit;

/**
 * The matrix kernels of the lane engine at one lane width: {@link LaneKernels#VECTOR} for groups of
 * two or more seeds (L lanes, one vector operation per element of every seed) and
 * {@link ScalarLaneKernels#INSTANCE} for a group of one seed (L = 1, plain {@code double} code, a
 * quarter of the memory). Arrays are laid out {@code [element][lane]} (see {@link LaneKernels}); at
 * L = 1 that is the plain one-seed layout. Both widths apply the same IEEE operations in the same
 * order to each element (the same fused multiply-adds, the same accumulation order), so a seed's
 * results are bit-identical at either width; {@code LaneWidthTest} checks it.
 */
interface LaneMatrixKernels {
    /** The kernels for arrays of {@code lanes} lanes per element. */
    static LaneMatrixKernels forWidth(int lanes) {
        return lanes == 1 ? ScalarLaneKernels.INSTANCE : LaneKernels.VECTOR;
    }

    /** out[i] = Σ_j m[i,j]·x[j] for every lane (FMA chain over j from 0); m rows × cols. */
    void matVec(double[] m, int rows, int cols, double[] x, double[] out);

    /** out[i] = Σ_j a[i,j]·x[j] + Σ_j b[i,j]·y[j] for every lane; a and b rows × cols. */
    void matVecPair(double[] a, double[] x, double[] b, double[] y, int rows, int cols, double[] out);

    /** m[i,j] += post[i]·pre[j]; if {@code delta} is not null it receives post[i]·pre[j]. */
    void addOuter(double[] m, int rows, int cols, double[] post, double[] pre, double[] delta);

    /** delta[i,j] = post[i]·pre[j] (the increment is observed but not applied). */
    void outer(double[] delta, int rows, int cols, double[] post, double[] pre);

    /** Δ = post[i]·pre[j]; d ← d + k·(Δ − d) (as fma(Δ − d, k, d)); m ← m + d; {@code delta} receives Δ if not null. */
    void addLowPassedOuter(double[] m, double[] d, int rows, int cols, double[] post, double[] pre, double k,
            double[] delta);

    /**
     * A learning projection of the synapses-first order in one pass over its weights: per element
     * the pending increment d is applied first, then d is filtered towards this step's increment
     * Δ = post[i]·preLast[j] as d ← d + k·(Δ − d) (as fma(Δ − d, k, d)), and the updated weight
     * transmits: out[i] = (accumulate ? out[i] : 0) + Σ_j m_new[i,j]·pre[j] (FMA chain over j).
     */
    void delayedUpdateThenMatVec(double[] m, double[] d, int rows, int cols, double[] post, double[] preLast, double k,
            double[] pre, double[] out, boolean accumulate);

    /**
     * m[i,j] ← keep·m[i,j] + (rate·x[i])·y[j] with keep = 1 − rate·decay: a feedback matrix learning
     * from the correlation of two signals (PAL: x = ξ, y = h; Kolen–Pollack: x = r, y = the forward
     * update's factor).
     */
    void learnFromCorrelation(double[] m, int rows, int cols, double[] xi, double[] h, double rate, double decay);

    /** The apical potential with a learning B and B^PI in one pass (see {@link LaneKernels#apicalWithFeedbackLearning}). */
    void apicalWithFeedbackLearning(double[] b, double[] bpi, int rows, int cols, double[] r, double[] rI,
            double[] apical, double[] xi, double[] h, double rate, double decay, double[] apicalPrev, double lateralRate,
            double[] rIPrev);

    /** b := wᵀ and bpi := −b, with b rows × cols and w cols × rows. */
    void tieTransposed(double[] w, double[] b, double[] bpi, int rows, int cols);

    /**
     * b := m·sign(wᵀ) and bpi := −b per lane, with m the mean |w| of the lane over the whole
     * matrix, summed in element order (sign-symmetry); an entry with w = 0 gives b = 0.
     */
    void tieSignTransposed(double[] w, double[] b, double[] bpi, int rows, int cols);
}
