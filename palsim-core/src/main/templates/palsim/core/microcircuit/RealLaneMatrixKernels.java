// Template: the build generates DoubleLaneMatrixKernels and FloatLaneMatrixKernels from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.microcircuit;

/**
 * The matrix kernels of the lane engine at one lane width: {@link @Real@LaneKernels#VECTOR} for groups of
 * two or more seeds (L lanes, one vector operation per element of every seed) and
 * {@link @Real@ColumnLaneKernels#INSTANCE} for a group of one seed (L = 1, 1/L of the memory). Vectors are
 * laid out {@code [element][lane]} (see {@link @Real@LaneKernels}), and so are matrices at L lanes
 * ({@code [row][col][lane]}); at L = 1 a matrix is stored column-major ({@link @Real@ColumnLaneKernels#index}),
 * and the matrix arguments below are in that storage. Both widths apply the same IEEE operations in the same
 * order to each element (the same fused multiply-adds, the same accumulation order), so a seed's
 * results are bit-identical at either width; {@code LaneWidthTest} checks it.
 */
interface @Real@LaneMatrixKernels {
    /** The kernels for arrays of {@code lanes} lanes per element. */
    static @Real@LaneMatrixKernels forWidth(int lanes) {
        return lanes == 1 ? @Real@ColumnLaneKernels.INSTANCE : @Real@LaneKernels.VECTOR;
    }

    /** out[i] = Σ_j m[i,j]·x[j] for every lane (FMA chain over j from 0); m rows × cols. */
    void matVec(@real@[] m, int rows, int cols, @real@[] x, @real@[] out);

    /** out[i] = Σ_j a[i,j]·x[j] + Σ_j b[i,j]·y[j] for every lane; a and b rows × cols. */
    void matVecPair(@real@[] a, @real@[] x, @real@[] b, @real@[] y, int rows, int cols, @real@[] out);

    /** m[i,j] += post[i]·pre[j]; if {@code delta} is not null it receives post[i]·pre[j]. */
    void addOuter(@real@[] m, int rows, int cols, @real@[] post, @real@[] pre, @real@[] delta);

    /** delta[i,j] = post[i]·pre[j] (the increment is observed but not applied). */
    void outer(@real@[] delta, int rows, int cols, @real@[] post, @real@[] pre);

    /** Δ = post[i]·pre[j]; d ← d + k·(Δ − d) (as fma(Δ − d, k, d)); m ← m + d; {@code delta} receives Δ if not null. */
    void addLowPassedOuter(@real@[] m, @real@[] d, int rows, int cols, @real@[] post, @real@[] pre, @real@ k,
            @real@[] delta);

    /**
     * A learning projection of the synapses-first order in one pass over its weights: per element
     * the pending increment d is applied first, then d is filtered towards this step's increment
     * Δ = post[i]·preLast[j] as d ← d + k·(Δ − d) (as fma(Δ − d, k, d)), and the updated weight
     * transmits: out[i] = (accumulate ? out[i] : 0) + Σ_j m_new[i,j]·pre[j] (FMA chain over j).
     */
    void delayedUpdateThenMatVec(@real@[] m, @real@[] d, int rows, int cols, @real@[] post, @real@[] preLast, @real@ k,
            @real@[] pre, @real@[] out, boolean accumulate);

    /**
     * m[i,j] ← keep·m[i,j] + (rate·x[i])·y[j] with keep = 1 − rate·decay: a feedback matrix learning
     * from the correlation of two signals (PAL: x = ξ, y = h; Kolen–Pollack: x = r, y = the forward
     * update's factor).
     */
    void learnFromCorrelation(@real@[] m, int rows, int cols, @real@[] xi, @real@[] h, double rate, double decay);

    /** The apical potential with a learning B and B^PI in one pass (see {@link @Real@LaneKernels#apicalWithFeedbackLearning}). */
    void apicalWithFeedbackLearning(@real@[] b, @real@[] bpi, int rows, int cols, @real@[] r, @real@[] rI,
            @real@[] apical, @real@[] xi, @real@[] h, double rate, double decay, @real@[] apicalPrev, @real@ lateralRate,
            @real@[] rIPrev);

    /** b := wᵀ and bpi := −b, with b rows × cols and w cols × rows. */
    void tieTransposed(@real@[] w, @real@[] b, @real@[] bpi, int rows, int cols);

    /**
     * b := m·sign(wᵀ) and bpi := −b per lane, with m the mean |w| of the lane over the whole
     * matrix, summed in element order (sign-symmetry); an entry with w = 0 gives b = 0.
     */
    void tieSignTransposed(@real@[] w, @real@[] b, @real@[] bpi, int rows, int cols);
}
