// Template: the build generates DoubleLaneKernels and FloatLaneKernels from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.microcircuit;

import jdk.incubator.vector.@Real@Vector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import palsim.core.neuron.Activation;
import palsim.core.neuron.VectorMath;

/**
 * Numerical kernels of the lane engine. Every array holds one value per (element, lane), laid out
 * {@code [element][lane]}: element e of lane k sits at {@code e·L + k}, with L =
 * {@link #LANES}. A matrix M (rows × cols, row-major) of every lane is {@code [row][col][lane]}.
 * One vector operation therefore advances the same element of every seed of a group, and lanes
 * never mix, so a seed's numbers do not depend on which seeds share its group.
 *
 * <p>The matrix kernels ({@link @Real@LaneMatrixKernels}) come in two widths: these, for groups of two or
 * more seeds (L lanes), and {@link @Real@ColumnLaneKernels} for a group of one seed, whose arrays hold one
 * value per element (L = 1). Both apply the same IEEE operations in the same order to each element,
 * so a seed's results are bit-identical at either width. The element-wise kernels below serve both
 * widths.
 *
 * <p>Each vector kernel has a plain scalar twin ({@code …Reference}) with the same contract; tests
 * compare them with a tolerance (the vector kernels fuse multiply-adds).
 */
final class @Real@LaneKernels implements @Real@LaneMatrixKernels {
    /** The lane species of this precision ({@link LaneSpecies} says how and why it was chosen). */
    static final VectorSpecies<@Real@> SPECIES = LaneSpecies.@real@Species();
    /** L, the number of lanes (seeds) of a group. */
    static final int LANES = SPECIES.length();

    /** The matrix kernels for groups of L lanes (the element-wise kernels are static, for every width). */
    static final @Real@LaneKernels VECTOR = new @Real@LaneKernels();

    private @Real@LaneKernels() {}

    // ------------------------------------------------------------------------------------------
    // Matrix-vector products

    /** out[i] = Σ_j m[i,j]·x[j] for every lane; m rows × cols. */
    @Override
    public void matVec(@real@[] m, int rows, int cols, @real@[] x, @real@[] out) {
        final int l = LANES;
        final int rowStride = cols * l;
        int i = 0;
        // four rows at a time: four independent FMA chains hide the FMA latency and share the x loads
        for (; i + 3 < rows; i += 4) {
            @Real@Vector a0 = @Real@Vector.zero(SPECIES);
            @Real@Vector a1 = a0;
            @Real@Vector a2 = a0;
            @Real@Vector a3 = a0;
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                @Real@Vector xj = @Real@Vector.fromArray(SPECIES, x, j * l);
                int o = base + j * l;
                a0 = @Real@Vector.fromArray(SPECIES, m, o).fma(xj, a0);
                a1 = @Real@Vector.fromArray(SPECIES, m, o + rowStride).fma(xj, a1);
                a2 = @Real@Vector.fromArray(SPECIES, m, o + 2 * rowStride).fma(xj, a2);
                a3 = @Real@Vector.fromArray(SPECIES, m, o + 3 * rowStride).fma(xj, a3);
            }
            a0.intoArray(out, i * l);
            a1.intoArray(out, (i + 1) * l);
            a2.intoArray(out, (i + 2) * l);
            a3.intoArray(out, (i + 3) * l);
        }
        for (; i < rows; i++) {
            @Real@Vector a = @Real@Vector.zero(SPECIES);
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                a = @Real@Vector.fromArray(SPECIES, m, base + j * l).fma(@Real@Vector.fromArray(SPECIES, x, j * l), a);
            }
            a.intoArray(out, i * l);
        }
    }

    static void matVecReference(@real@[] m, int rows, int cols, @real@[] x, @real@[] out) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < rows; i++) {
                @real@ s = 0;
                for (int j = 0; j < cols; j++) {
                    s += m[(i * cols + j) * l + k] * x[j * l + k];
                }
                out[i * l + k] = s;
            }
        }
    }

    /** out[i] = Σ_j a[i,j]·x[j] + Σ_j b[i,j]·y[j] for every lane; a and b rows × cols. */
    @Override
    public void matVecPair(@real@[] a, @real@[] x, @real@[] b, @real@[] y, int rows, int cols, @real@[] out) {
        final int l = LANES;
        final int rowStride = cols * l;
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            @Real@Vector p0 = @Real@Vector.zero(SPECIES);
            @Real@Vector p1 = p0;
            @Real@Vector q0 = p0;
            @Real@Vector q1 = p0;
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                @Real@Vector xj = @Real@Vector.fromArray(SPECIES, x, j * l);
                @Real@Vector yj = @Real@Vector.fromArray(SPECIES, y, j * l);
                int o = base + j * l;
                p0 = @Real@Vector.fromArray(SPECIES, a, o).fma(xj, p0);
                q0 = @Real@Vector.fromArray(SPECIES, b, o).fma(yj, q0);
                p1 = @Real@Vector.fromArray(SPECIES, a, o + rowStride).fma(xj, p1);
                q1 = @Real@Vector.fromArray(SPECIES, b, o + rowStride).fma(yj, q1);
            }
            p0.add(q0).intoArray(out, i * l);
            p1.add(q1).intoArray(out, (i + 1) * l);
        }
        for (; i < rows; i++) {
            @Real@Vector p = @Real@Vector.zero(SPECIES);
            @Real@Vector q = p;
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                int o = base + j * l;
                p = @Real@Vector.fromArray(SPECIES, a, o).fma(@Real@Vector.fromArray(SPECIES, x, j * l), p);
                q = @Real@Vector.fromArray(SPECIES, b, o).fma(@Real@Vector.fromArray(SPECIES, y, j * l), q);
            }
            p.add(q).intoArray(out, i * l);
        }
    }

    static void matVecPairReference(@real@[] a, @real@[] x, @real@[] b, @real@[] y, int rows, int cols, @real@[] out) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < rows; i++) {
                @real@ p = 0;
                @real@ q = 0;
                for (int j = 0; j < cols; j++) {
                    p += a[(i * cols + j) * l + k] * x[j * l + k];
                    q += b[(i * cols + j) * l + k] * y[j * l + k];
                }
                out[i * l + k] = p + q;
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Outer-product updates

    /**
     * m[i,j] += post[i]·pre[j]; if {@code delta} is not null it receives post[i]·pre[j].
     * Update kernels work on four rows at a time so that each pre[j] is loaded once per four rows.
     */
    @Override
    public void addOuter(@real@[] m, int rows, int cols, @real@[] post, @real@[] pre, @real@[] delta) {
        final int l = LANES;
        final int rowStride = cols * l;
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            @Real@Vector p0 = @Real@Vector.fromArray(SPECIES, post, i * l);
            @Real@Vector p1 = @Real@Vector.fromArray(SPECIES, post, (i + 1) * l);
            @Real@Vector p2 = @Real@Vector.fromArray(SPECIES, post, (i + 2) * l);
            @Real@Vector p3 = @Real@Vector.fromArray(SPECIES, post, (i + 3) * l);
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                @Real@Vector pj = @Real@Vector.fromArray(SPECIES, pre, j * l);
                int o = base + j * l;
                addProduct(m, delta, o, p0.mul(pj));
                addProduct(m, delta, o + rowStride, p1.mul(pj));
                addProduct(m, delta, o + 2 * rowStride, p2.mul(pj));
                addProduct(m, delta, o + 3 * rowStride, p3.mul(pj));
            }
        }
        for (; i < rows; i++) {
            @Real@Vector pi = @Real@Vector.fromArray(SPECIES, post, i * l);
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                addProduct(m, delta, base + j * l, pi.mul(@Real@Vector.fromArray(SPECIES, pre, j * l)));
            }
        }
    }

    private static void addProduct(@real@[] m, @real@[] delta, int o, @Real@Vector d) {
        if (delta != null) {
            d.intoArray(delta, o);
        }
        @Real@Vector.fromArray(SPECIES, m, o).add(d).intoArray(m, o);
    }

    static void addOuterReference(@real@[] m, int rows, int cols, @real@[] post, @real@[] pre, @real@[] delta) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int o = (i * cols + j) * l + k;
                    @real@ d = post[i * l + k] * pre[j * l + k];
                    if (delta != null) {
                        delta[o] = d;
                    }
                    m[o] += d;
                }
            }
        }
    }

    /** delta[i,j] = post[i]·pre[j] (the increment is observed but not applied). */
    @Override
    public void outer(@real@[] delta, int rows, int cols, @real@[] post, @real@[] pre) {
        final int l = LANES;
        for (int i = 0; i < rows; i++) {
            @Real@Vector pi = @Real@Vector.fromArray(SPECIES, post, i * l);
            int base = i * cols * l;
            for (int j = 0; j < cols; j++) {
                pi.mul(@Real@Vector.fromArray(SPECIES, pre, j * l)).intoArray(delta, base + j * l);
            }
        }
    }

    static void outerReference(@real@[] delta, int rows, int cols, @real@[] post, @real@[] pre) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    delta[(i * cols + j) * l + k] = post[i * l + k] * pre[j * l + k];
                }
            }
        }
    }

    /**
     * The low-passed forward update of PAL (microcircuit.md §3.1): with Δ[i,j] = post[i]·pre[j],
     * d ← d + k·(Δ − d), then m ← m + d. {@code delta}, if not null, receives Δ.
     */
    @Override
    public void addLowPassedOuter(@real@[] m, @real@[] d, int rows, int cols, @real@[] post, @real@[] pre, @real@ k,
            @real@[] delta) {
        final int l = LANES;
        for (int i = 0; i < rows; i++) {
            @Real@Vector pi = @Real@Vector.fromArray(SPECIES, post, i * l);
            int base = i * cols * l;
            for (int j = 0; j < cols; j++) {
                int o = base + j * l;
                @Real@Vector raw = pi.mul(@Real@Vector.fromArray(SPECIES, pre, j * l));
                if (delta != null) {
                    raw.intoArray(delta, o);
                }
                @Real@Vector old = @Real@Vector.fromArray(SPECIES, d, o);
                @Real@Vector filtered = raw.sub(old).fma(@Real@Vector.broadcast(SPECIES, k), old);
                filtered.intoArray(d, o);
                @Real@Vector.fromArray(SPECIES, m, o).add(filtered).intoArray(m, o);
            }
        }
    }

    static void addLowPassedOuterReference(@real@[] m, @real@[] d, int rows, int cols, @real@[] post, @real@[] pre,
            @real@ k, @real@[] delta) {
        final int l = LANES;
        for (int lane = 0; lane < l; lane++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int o = (i * cols + j) * l + lane;
                    @real@ raw = post[i * l + lane] * pre[j * l + lane];
                    if (delta != null) {
                        delta[o] = raw;
                    }
                    d[o] += k * (raw - d[o]);
                    m[o] += d[o];
                }
            }
        }
    }

    /**
     * The synapses-first order's learning projection (microcircuit-classification.md §3.1–3.3): the
     * old pending increment is applied, the increment is filtered, and the new weight transmits,
     * in one pass over m and d (see {@link @Real@LaneMatrixKernels#delayedUpdateThenMatVec}).
     */
    @Override
    public void delayedUpdateThenMatVec(@real@[] m, @real@[] d, int rows, int cols, @real@[] post, @real@[] preLast,
            @real@ k, @real@[] pre, @real@[] out, boolean accumulate) {
        final int l = LANES;
        final @Real@Vector kv = @Real@Vector.broadcast(SPECIES, k);
        for (int i = 0; i < rows; i++) {
            @Real@Vector pi = @Real@Vector.fromArray(SPECIES, post, i * l);
            @Real@Vector acc = accumulate ? @Real@Vector.fromArray(SPECIES, out, i * l) : @Real@Vector.zero(SPECIES);
            int base = i * cols * l;
            for (int j = 0; j < cols; j++) {
                int o = base + j * l;
                @Real@Vector old = @Real@Vector.fromArray(SPECIES, d, o);
                @Real@Vector w = @Real@Vector.fromArray(SPECIES, m, o).add(old);
                w.intoArray(m, o);
                @Real@Vector raw = pi.mul(@Real@Vector.fromArray(SPECIES, preLast, j * l));
                raw.sub(old).fma(kv, old).intoArray(d, o);
                acc = w.fma(@Real@Vector.fromArray(SPECIES, pre, j * l), acc);
            }
            acc.intoArray(out, i * l);
        }
    }

    static void delayedUpdateThenMatVecReference(@real@[] m, @real@[] d, int rows, int cols, @real@[] post,
            @real@[] preLast, @real@ k, @real@[] pre, @real@[] out, boolean accumulate) {
        final int l = LANES;
        for (int lane = 0; lane < l; lane++) {
            for (int i = 0; i < rows; i++) {
                @real@ sum = accumulate ? out[i * l + lane] : 0;
                for (int j = 0; j < cols; j++) {
                    int o = (i * cols + j) * l + lane;
                    @real@ pending = d[o];
                    m[o] += pending;
                    d[o] = pending + k * (post[i * l + lane] * preLast[j * l + lane] - pending);
                    sum += m[o] * pre[j * l + lane];
                }
                out[i * l + lane] = sum;
            }
        }
    }

    /**
     * PAL's feedback update (microcircuit.md §3.4): m[i,j] ← m[i,j] + rate·(ξ[i]·h[j] − decay·m[i,j]),
     * computed as keep·m + (rate·ξ[i])·h[j] with keep = 1 − rate·decay.
     */
    @Override
    public void learnFromCorrelation(@real@[] m, int rows, int cols, @real@[] xi, @real@[] h, double rate, double decay) {
        final int l = LANES;
        final int rowStride = cols * l;
        // the factors are derived in double and rounded once to the working precision
        final @Real@Vector keep = @Real@Vector.broadcast(SPECIES, (@real@) (1.0 - rate * decay));
        final @real@ eta = (@real@) rate;
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            @Real@Vector s0 = @Real@Vector.fromArray(SPECIES, xi, i * l).mul(eta);
            @Real@Vector s1 = @Real@Vector.fromArray(SPECIES, xi, (i + 1) * l).mul(eta);
            @Real@Vector s2 = @Real@Vector.fromArray(SPECIES, xi, (i + 2) * l).mul(eta);
            @Real@Vector s3 = @Real@Vector.fromArray(SPECIES, xi, (i + 3) * l).mul(eta);
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                @Real@Vector hj = @Real@Vector.fromArray(SPECIES, h, j * l);
                int o = base + j * l;
                s0.fma(hj, @Real@Vector.fromArray(SPECIES, m, o).mul(keep)).intoArray(m, o);
                s1.fma(hj, @Real@Vector.fromArray(SPECIES, m, o + rowStride).mul(keep)).intoArray(m, o + rowStride);
                s2.fma(hj, @Real@Vector.fromArray(SPECIES, m, o + 2 * rowStride).mul(keep)).intoArray(m, o + 2 * rowStride);
                s3.fma(hj, @Real@Vector.fromArray(SPECIES, m, o + 3 * rowStride).mul(keep)).intoArray(m, o + 3 * rowStride);
            }
        }
        for (; i < rows; i++) {
            @Real@Vector si = @Real@Vector.fromArray(SPECIES, xi, i * l).mul(eta);
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                int o = base + j * l;
                si.fma(@Real@Vector.fromArray(SPECIES, h, j * l), @Real@Vector.fromArray(SPECIES, m, o).mul(keep)).intoArray(m, o);
            }
        }
    }

    static void learnFromCorrelationReference(@real@[] m, int rows, int cols, @real@[] xi, @real@[] h, double rate,
            double decay) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int o = (i * cols + j) * l + k;
                    m[o] += rate * (xi[i * l + k] * h[j * l + k] - decay * m[o]);
                }
            }
        }
    }

    /**
     * The apical potential and both feedback-pathway updates of a PAL step in one pass over B_ℓ and
     * B^PI_ℓ (microcircuit.md §2.3.4, §3.3, §3.4): per lane
     * <pre>
     *   apical[i] = Σ_j B[i,j]·r[j] + Σ_j B^PI[i,j]·rI[j]      (B, B^PI as before this call)
     *   B[i,j]   ← keep·B[i,j] + (rate·ξ[i])·h[j],             keep = 1 − rate·decay
     *   B^PI[i,j] ← B^PI[i,j] + (apicalPrev[i]·lateralRate)·rIPrev[j]
     * </pre>
     * Each element sees exactly the operations of {@link #matVecPair}, {@link #learnFromCorrelation} and
     * {@link #scale} + {@link #addOuter} run one after the other, so the results are the same bits;
     * the weights are read once instead of three times.
     */
    @Override
    public void apicalWithFeedbackLearning(@real@[] b, @real@[] bpi, int rows, int cols, @real@[] r, @real@[] rI,
            @real@[] apical, @real@[] xi, @real@[] h, double rate, double decay, @real@[] apicalPrev, @real@ lateralRate,
            @real@[] rIPrev) {
        final int l = LANES;
        final int rowStride = cols * l;
        final @Real@Vector keep = @Real@Vector.broadcast(SPECIES, (@real@) (1.0 - rate * decay));
        final @real@ eta = (@real@) rate;
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            @Real@Vector s0 = @Real@Vector.fromArray(SPECIES, xi, i * l).mul(eta);
            @Real@Vector s1 = @Real@Vector.fromArray(SPECIES, xi, (i + 1) * l).mul(eta);
            @Real@Vector t0 = @Real@Vector.fromArray(SPECIES, apicalPrev, i * l).mul(lateralRate);
            @Real@Vector t1 = @Real@Vector.fromArray(SPECIES, apicalPrev, (i + 1) * l).mul(lateralRate);
            @Real@Vector p0 = @Real@Vector.zero(SPECIES);
            @Real@Vector p1 = p0;
            @Real@Vector q0 = p0;
            @Real@Vector q1 = p0;
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                int c = j * l;
                @Real@Vector rj = @Real@Vector.fromArray(SPECIES, r, c);
                @Real@Vector rIj = @Real@Vector.fromArray(SPECIES, rI, c);
                @Real@Vector hj = @Real@Vector.fromArray(SPECIES, h, c);
                @Real@Vector pre = @Real@Vector.fromArray(SPECIES, rIPrev, c);
                int o0 = base + c;
                int o1 = o0 + rowStride;
                @Real@Vector b0 = @Real@Vector.fromArray(SPECIES, b, o0);
                @Real@Vector b1 = @Real@Vector.fromArray(SPECIES, b, o1);
                @Real@Vector c0 = @Real@Vector.fromArray(SPECIES, bpi, o0);
                @Real@Vector c1 = @Real@Vector.fromArray(SPECIES, bpi, o1);
                p0 = b0.fma(rj, p0);
                q0 = c0.fma(rIj, q0);
                p1 = b1.fma(rj, p1);
                q1 = c1.fma(rIj, q1);
                s0.fma(hj, b0.mul(keep)).intoArray(b, o0);
                s1.fma(hj, b1.mul(keep)).intoArray(b, o1);
                c0.add(t0.mul(pre)).intoArray(bpi, o0);
                c1.add(t1.mul(pre)).intoArray(bpi, o1);
            }
            p0.add(q0).intoArray(apical, i * l);
            p1.add(q1).intoArray(apical, (i + 1) * l);
        }
        for (; i < rows; i++) {
            @Real@Vector si = @Real@Vector.fromArray(SPECIES, xi, i * l).mul(eta);
            @Real@Vector ti = @Real@Vector.fromArray(SPECIES, apicalPrev, i * l).mul(lateralRate);
            @Real@Vector p = @Real@Vector.zero(SPECIES);
            @Real@Vector q = p;
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                int c = j * l;
                int o = base + c;
                @Real@Vector bv = @Real@Vector.fromArray(SPECIES, b, o);
                @Real@Vector cv = @Real@Vector.fromArray(SPECIES, bpi, o);
                p = bv.fma(@Real@Vector.fromArray(SPECIES, r, c), p);
                q = cv.fma(@Real@Vector.fromArray(SPECIES, rI, c), q);
                si.fma(@Real@Vector.fromArray(SPECIES, h, c), bv.mul(keep)).intoArray(b, o);
                cv.add(ti.mul(@Real@Vector.fromArray(SPECIES, rIPrev, c))).intoArray(bpi, o);
            }
            p.add(q).intoArray(apical, i * l);
        }
    }

    static void apicalWithFeedbackLearningReference(@real@[] b, @real@[] bpi, int rows, int cols, @real@[] r,
            @real@[] rI, @real@[] apical, @real@[] xi, @real@[] h, double rate, double decay, @real@[] apicalPrev,
            @real@ lateralRate, @real@[] rIPrev) {
        matVecPairReference(b, r, bpi, rI, rows, cols, apical);
        learnFromCorrelationReference(b, rows, cols, xi, h, rate, decay);
        final int l = LANES;
        @real@[] post = new @real@[rows * l];
        for (int e = 0; e < post.length; e++) {
            post[e] = lateralRate * apicalPrev[e];
        }
        addOuterReference(bpi, rows, cols, post, rIPrev, null);
    }

    /** b := wᵀ and bpi := −b, with b rows × cols and w cols × rows. */
    @Override
    public void tieTransposed(@real@[] w, @real@[] b, @real@[] bpi, int rows, int cols) {
        final int l = LANES;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                @Real@Vector v = @Real@Vector.fromArray(SPECIES, w, (j * rows + i) * l);
                int o = (i * cols + j) * l;
                v.intoArray(b, o);
                v.neg().intoArray(bpi, o);
            }
        }
    }

    static void tieTransposedReference(@real@[] w, @real@[] b, @real@[] bpi, int rows, int cols) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    @real@ v = w[(j * rows + i) * l + k];
                    b[(i * cols + j) * l + k] = v;
                    bpi[(i * cols + j) * l + k] = -v;
                }
            }
        }
    }

    @Override
    public void tieSignTransposed(@real@[] w, @real@[] b, @real@[] bpi, int rows, int cols) {
        final int l = LANES;
        int count = rows * cols;
        @Real@Vector sum = @Real@Vector.zero(SPECIES);
        for (int e = 0; e < count; e++) {
            sum = sum.add(@Real@Vector.fromArray(SPECIES, w, e * l).abs());
        }
        @Real@Vector m = sum.div(count);
        @Real@Vector minusM = m.neg();
        @Real@Vector zero = @Real@Vector.zero(SPECIES);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                @Real@Vector v = @Real@Vector.fromArray(SPECIES, w, (j * rows + i) * l);
                @Real@Vector s = zero.blend(m, v.compare(VectorOperators.GT, (@real@) 0))
                        .blend(minusM, v.compare(VectorOperators.LT, (@real@) 0));
                int o = (i * cols + j) * l;
                s.intoArray(b, o);
                s.neg().intoArray(bpi, o);
            }
        }
    }

    static void tieSignTransposedReference(@real@[] w, @real@[] b, @real@[] bpi, int rows, int cols) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            @real@ sum = 0;
            for (int e = 0; e < rows * cols; e++) {
                sum += Math.abs(w[e * l + k]);
            }
            @real@ m = sum / (rows * cols);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    @real@ v = w[(j * rows + i) * l + k];
                    int o = (i * cols + j) * l + k;
                    b[o] = m * Math.signum(v);
                    bpi[o] = -b[o];
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Element-wise. These work for both widths: an array of count = elements·L values is a flat run
    // of independent elements, so the vector loop covers L = 4 arrays lane by lane (one lane = one
    // seed) and an L = 1 array four consecutive elements at a time; what is left over (only at L = 1)
    // goes through the same operations in scalar form. Either way each element sees the same
    // sequence of IEEE operations, so the bits do not depend on the width.

    /**
     * The prospective voltage of §2.2 and its rate: ŭ = old + c·(now − old) with c = taur·τ/dt,
     * r = φ(ŭ). Logistic and tanh are computed in the same loop on the lane species (with
     * {@link VectorMath}, so the bits equal those of {@link Activation#values(@real@[], int, @real@[], int, int)});
     * other activations go through the array kernel, whose arrays, unlike vectors, cross a call the
     * JIT may not inline without being boxed.
     */
    static void prospectiveRates(@real@[] now, @real@[] old, @real@ c, Activation phi, @real@[] breve, @real@[] rate,
            int count) {
        @Real@Vector cv = @Real@Vector.broadcast(SPECIES, c);
        int bound = SPECIES.loopBound(count);
        switch (phi) {
            case LOGISTIC -> {
                for (int e = 0; e < bound; e += LANES) {
                    @Real@Vector o = @Real@Vector.fromArray(SPECIES, old, e);
                    @Real@Vector b = @Real@Vector.fromArray(SPECIES, now, e).sub(o).fma(cv, o);
                    b.intoArray(breve, e);
                    VectorMath.logistic(b).intoArray(rate, e);
                }
                for (int e = bound; e < count; e++) {
                    @real@ b = Math.fma(now[e] - old[e], c, old[e]);
                    breve[e] = b;
                    rate[e] = VectorMath.logistic(b);
                }
            }
            case TANH -> {
                for (int e = 0; e < bound; e += LANES) {
                    @Real@Vector o = @Real@Vector.fromArray(SPECIES, old, e);
                    @Real@Vector b = @Real@Vector.fromArray(SPECIES, now, e).sub(o).fma(cv, o);
                    b.intoArray(breve, e);
                    VectorMath.tanh(b).intoArray(rate, e);
                }
                for (int e = bound; e < count; e++) {
                    @real@ b = Math.fma(now[e] - old[e], c, old[e]);
                    breve[e] = b;
                    rate[e] = VectorMath.tanh(b);
                }
            }
            default -> {
                for (int e = 0; e < bound; e += LANES) {
                    @Real@Vector o = @Real@Vector.fromArray(SPECIES, old, e);
                    @Real@Vector.fromArray(SPECIES, now, e).sub(o).fma(cv, o).intoArray(breve, e);
                }
                for (int e = bound; e < count; e++) {
                    breve[e] = Math.fma(now[e] - old[e], c, old[e]);
                }
                phi.values(breve, 0, rate, 0, count);
            }
        }
    }

    /**
     * rate = φ(v): the rates of the synapses-first order, whose prospective voltage is computed by
     * {@link #relax}. Logistic and tanh in this loop on the lane species (the bits of
     * {@link Activation#values(@real@[], int, @real@[], int, int)}), others through the array kernel,
     * as in {@link #prospectiveRates}.
     */
    static void rates(Activation phi, @real@[] v, @real@[] rate, int count) {
        int bound = SPECIES.loopBound(count);
        switch (phi) {
            case LOGISTIC -> {
                for (int e = 0; e < bound; e += LANES) {
                    VectorMath.logistic(@Real@Vector.fromArray(SPECIES, v, e)).intoArray(rate, e);
                }
                for (int e = bound; e < count; e++) {
                    rate[e] = VectorMath.logistic(v[e]);
                }
            }
            case TANH -> {
                for (int e = 0; e < bound; e += LANES) {
                    VectorMath.tanh(@Real@Vector.fromArray(SPECIES, v, e)).intoArray(rate, e);
                }
                for (int e = bound; e < count; e++) {
                    rate[e] = VectorMath.tanh(v[e]);
                }
            }
            default -> phi.values(v, 0, rate, 0, count);
        }
    }

    static void ratesReference(Activation phi, @real@[] v, @real@[] rate, int count) {
        for (int e = 0; e < count; e++) {
            rate[e] = (@real@) phi.value(v[e]);
        }
    }

    static void prospectiveRatesReference(@real@[] now, @real@[] old, @real@ c, Activation phi, @real@[] breve,
            @real@[] rate, int count) {
        for (int e = 0; e < count; e++) {
            breve[e] = old[e] + c * (now[e] - old[e]);
            rate[e] = (@real@) phi.value(breve[e]);
        }
    }

    /**
     * One Euler step of a soma relaxing towards a weighted sum of two potentials (§2.3.6 and the
     * first half of §2.3.8): next = u + rate·(a·x + b·y − u), with rate = dt·G and a, b the
     * conductance ratios of u_eff. {@code nonFinite} (L + 1 values) accumulates next − next,
     * which is NaN exactly when a value is not finite: entry k for vector lane k, entry L for the
     * scalar remainder (only at width 1, where all entries belong to the one seed; a separate entry, so
     * that no scalar store stalls the next call's vector read).
     */
    static void relax(@real@ a, @real@[] x, @real@ b, @real@[] y, @real@[] u, @real@ rate, @real@[] next, int count,
            @real@[] nonFinite) {
        @Real@Vector acc = @Real@Vector.zero(SPECIES);
        int bound = SPECIES.loopBound(count);
        for (int e = 0; e < bound; e += LANES) {
            @Real@Vector uv = @Real@Vector.fromArray(SPECIES, u, e);
            @Real@Vector target = @Real@Vector.fromArray(SPECIES, x, e).mul(a).add(@Real@Vector.fromArray(SPECIES, y, e).mul(b));
            @Real@Vector v = uv.add(target.sub(uv).mul(rate));
            v.intoArray(next, e);
            acc = acc.add(v.sub(v));
        }
        if (bound > 0) {
            @Real@Vector.fromArray(SPECIES, nonFinite, 0).add(acc).intoArray(nonFinite, 0);
        }
        for (int e = bound; e < count; e++) {
            @real@ v = u[e] + (x[e] * a + y[e] * b - u[e]) * rate;
            next[e] = v;
            nonFinite[LANES] += v - v;
        }
    }

    /** {@link #relax} with the second potential y + z (the apical potential plus the noise ξ). */
    static void relax(@real@ a, @real@[] x, @real@ b, @real@[] y, @real@[] z, @real@[] u, @real@ rate, @real@[] next,
            int count, @real@[] nonFinite) {
        @Real@Vector acc = @Real@Vector.zero(SPECIES);
        int bound = SPECIES.loopBound(count);
        for (int e = 0; e < bound; e += LANES) {
            @Real@Vector uv = @Real@Vector.fromArray(SPECIES, u, e);
            @Real@Vector drive = @Real@Vector.fromArray(SPECIES, y, e).add(@Real@Vector.fromArray(SPECIES, z, e));
            @Real@Vector target = @Real@Vector.fromArray(SPECIES, x, e).mul(a).add(drive.mul(b));
            @Real@Vector v = uv.add(target.sub(uv).mul(rate));
            v.intoArray(next, e);
            acc = acc.add(v.sub(v));
        }
        if (bound > 0) {
            @Real@Vector.fromArray(SPECIES, nonFinite, 0).add(acc).intoArray(nonFinite, 0);
        }
        for (int e = bound; e < count; e++) {
            @real@ v = u[e] + (x[e] * a + (y[e] + z[e]) * b - u[e]) * rate;
            next[e] = v;
            nonFinite[LANES] += v - v;
        }
    }

    /** next = u + rate·(a·x − u): relaxation towards one attenuated potential (the free output). */
    static void relax(@real@ a, @real@[] x, @real@[] u, @real@ rate, @real@[] next, int count, @real@[] nonFinite) {
        @Real@Vector acc = @Real@Vector.zero(SPECIES);
        int bound = SPECIES.loopBound(count);
        for (int e = 0; e < bound; e += LANES) {
            @Real@Vector uv = @Real@Vector.fromArray(SPECIES, u, e);
            @Real@Vector v = uv.add(@Real@Vector.fromArray(SPECIES, x, e).mul(a).sub(uv).mul(rate));
            v.intoArray(next, e);
            acc = acc.add(v.sub(v));
        }
        if (bound > 0) {
            @Real@Vector.fromArray(SPECIES, nonFinite, 0).add(acc).intoArray(nonFinite, 0);
        }
        for (int e = bound; e < count; e++) {
            @real@ v = u[e] + (x[e] * a - u[e]) * rate;
            next[e] = v;
            nonFinite[LANES] += v - v;
        }
    }

    static void relaxReference(@real@ a, @real@[] x, @real@ b, @real@[] y, @real@[] z, @real@[] u, @real@ rate,
            @real@[] next, int count, @real@[] nonFinite) {
        for (int e = 0; e < count; e++) {
            @real@ drive = z == null ? y[e] : y[e] + z[e];
            next[e] = u[e] + rate * (a * x[e] + b * drive - u[e]);
            nonFinite[e % LANES] += next[e] - next[e];
        }
    }

    static void relaxReference(@real@ a, @real@[] x, @real@[] u, @real@ rate, @real@[] next, int count,
            @real@[] nonFinite) {
        for (int e = 0; e < count; e++) {
            next[e] = u[e] + rate * (a * x[e] - u[e]);
            nonFinite[e % LANES] += next[e] - next[e];
        }
    }

    /**
     * The postsynaptic factor of the forward and W^IP rules (§3.1–3.2):
     * out = s·[r − φ(a·v)], with s = dt·η and v the dendritic potential of the previous step.
     */
    static void predictionError(@real@ s, @real@[] r, Activation phi, @real@ a, @real@[] v, @real@[] out, int count) {
        int bound = SPECIES.loopBound(count);
        if (phi == Activation.LOGISTIC) {
            for (int e = 0; e < bound; e += LANES) {
                @Real@Vector prediction = VectorMath.logistic(@Real@Vector.fromArray(SPECIES, v, e).mul(a));
                @Real@Vector.fromArray(SPECIES, r, e).sub(prediction).mul(s).intoArray(out, e);
            }
            for (int e = bound; e < count; e++) {
                out[e] = (r[e] - VectorMath.logistic(v[e] * a)) * s;
            }
            return;
        }
        scale(a, v, out, count);
        phi.values(out, 0, out, 0, count); // the array kernel, as in prospectiveRates
        for (int e = 0; e < bound; e += LANES) {
            @Real@Vector.fromArray(SPECIES, r, e).sub(@Real@Vector.fromArray(SPECIES, out, e)).mul(s).intoArray(out, e);
        }
        for (int e = bound; e < count; e++) {
            out[e] = (r[e] - out[e]) * s;
        }
    }

    static void predictionErrorReference(@real@ s, @real@[] r, Activation phi, @real@ a, @real@[] v, @real@[] out,
            int count) {
        for (int e = 0; e < count; e++) {
            out[e] = (@real@) (s * (r[e] - phi.value(a * v[e])));
        }
    }

    /** out = x·s. */
    static void scale(@real@ s, @real@[] x, @real@[] out, int count) {
        int bound = SPECIES.loopBound(count);
        for (int e = 0; e < bound; e += LANES) {
            @Real@Vector.fromArray(SPECIES, x, e).mul(s).intoArray(out, e);
        }
        for (int e = bound; e < count; e++) {
            out[e] = x[e] * s;
        }
    }

    /** h ← h + (r − rPrev) − k·h: the rate high-pass of §2.3.10. */
    static void highPass(@real@[] h, @real@[] r, @real@[] rPrev, @real@ k, int count) {
        int bound = SPECIES.loopBound(count);
        for (int e = 0; e < bound; e += LANES) {
            @Real@Vector hv = @Real@Vector.fromArray(SPECIES, h, e);
            @Real@Vector dr = @Real@Vector.fromArray(SPECIES, r, e).sub(@Real@Vector.fromArray(SPECIES, rPrev, e));
            hv.add(dr).sub(hv.mul(k)).intoArray(h, e);
        }
        for (int e = bound; e < count; e++) {
            h[e] = h[e] + (r[e] - rPrev[e]) - h[e] * k;
        }
    }

    static void highPassReference(@real@[] h, @real@[] r, @real@[] rPrev, @real@ k, int count) {
        for (int e = 0; e < count; e++) {
            h[e] = h[e] + (r[e] - rPrev[e]) - k * h[e];
        }
    }
}
