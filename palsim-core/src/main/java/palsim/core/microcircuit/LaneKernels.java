package palsim.core.microcircuit;

import jdk.incubator.vector.DoubleVector;
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
 * <p>The matrix kernels ({@link LaneMatrixKernels}) come in two widths: these, for groups of two or
 * more seeds (L lanes), and {@link ScalarLaneKernels} for a group of one seed, whose arrays hold one
 * value per element (L = 1). Both apply the same IEEE operations in the same order to each element,
 * so a seed's results are bit-identical at either width. The element-wise kernels below serve both
 * widths.
 *
 * <p>Each vector kernel has a plain scalar twin ({@code …Reference}) with the same contract; tests
 * compare them with a tolerance (the vector kernels fuse multiply-adds).
 */
final class LaneKernels implements LaneMatrixKernels {
    /**
     * The lane species: the machine's preferred double vector, capped at 256 bits (4 seeds). On
     * the AVX-512 machine palsim was tuned on (AMD EPYC, family 26), 4 lanes gave about the
     * per-seed throughput of 8 at half the step time of a small group; a group of 4 also splits 10
     * seeds into 3 jobs that keep 2 cores busy. Fixed per machine, so a seed's results never depend on how seeds are grouped.
     */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED.vectorBitSize() > 256
            ? DoubleVector.SPECIES_256 : DoubleVector.SPECIES_PREFERRED;
    /** L, the number of lanes (seeds) of a group. */
    static final int LANES = SPECIES.length();

    /** The matrix kernels for groups of L lanes (the element-wise kernels are static, for every width). */
    static final LaneKernels VECTOR = new LaneKernels();

    private LaneKernels() {}

    // ------------------------------------------------------------------------------------------
    // Matrix-vector products

    /** out[i] = Σ_j m[i,j]·x[j] for every lane; m rows × cols. */
    @Override
    public void matVec(double[] m, int rows, int cols, double[] x, double[] out) {
        final int l = LANES;
        final int rowStride = cols * l;
        int i = 0;
        // four rows at a time: four independent FMA chains hide the FMA latency and share the x loads
        for (; i + 3 < rows; i += 4) {
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                DoubleVector xj = DoubleVector.fromArray(SPECIES, x, j * l);
                int o = base + j * l;
                a0 = DoubleVector.fromArray(SPECIES, m, o).fma(xj, a0);
                a1 = DoubleVector.fromArray(SPECIES, m, o + rowStride).fma(xj, a1);
                a2 = DoubleVector.fromArray(SPECIES, m, o + 2 * rowStride).fma(xj, a2);
                a3 = DoubleVector.fromArray(SPECIES, m, o + 3 * rowStride).fma(xj, a3);
            }
            a0.intoArray(out, i * l);
            a1.intoArray(out, (i + 1) * l);
            a2.intoArray(out, (i + 2) * l);
            a3.intoArray(out, (i + 3) * l);
        }
        for (; i < rows; i++) {
            DoubleVector a = DoubleVector.zero(SPECIES);
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                a = DoubleVector.fromArray(SPECIES, m, base + j * l).fma(DoubleVector.fromArray(SPECIES, x, j * l), a);
            }
            a.intoArray(out, i * l);
        }
    }

    static void matVecReference(double[] m, int rows, int cols, double[] x, double[] out) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    s += m[(i * cols + j) * l + k] * x[j * l + k];
                }
                out[i * l + k] = s;
            }
        }
    }

    /** out[i] = Σ_j a[i,j]·x[j] + Σ_j b[i,j]·y[j] for every lane; a and b rows × cols. */
    @Override
    public void matVecPair(double[] a, double[] x, double[] b, double[] y, int rows, int cols, double[] out) {
        final int l = LANES;
        final int rowStride = cols * l;
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            DoubleVector p0 = DoubleVector.zero(SPECIES);
            DoubleVector p1 = p0;
            DoubleVector q0 = p0;
            DoubleVector q1 = p0;
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                DoubleVector xj = DoubleVector.fromArray(SPECIES, x, j * l);
                DoubleVector yj = DoubleVector.fromArray(SPECIES, y, j * l);
                int o = base + j * l;
                p0 = DoubleVector.fromArray(SPECIES, a, o).fma(xj, p0);
                q0 = DoubleVector.fromArray(SPECIES, b, o).fma(yj, q0);
                p1 = DoubleVector.fromArray(SPECIES, a, o + rowStride).fma(xj, p1);
                q1 = DoubleVector.fromArray(SPECIES, b, o + rowStride).fma(yj, q1);
            }
            p0.add(q0).intoArray(out, i * l);
            p1.add(q1).intoArray(out, (i + 1) * l);
        }
        for (; i < rows; i++) {
            DoubleVector p = DoubleVector.zero(SPECIES);
            DoubleVector q = p;
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                int o = base + j * l;
                p = DoubleVector.fromArray(SPECIES, a, o).fma(DoubleVector.fromArray(SPECIES, x, j * l), p);
                q = DoubleVector.fromArray(SPECIES, b, o).fma(DoubleVector.fromArray(SPECIES, y, j * l), q);
            }
            p.add(q).intoArray(out, i * l);
        }
    }

    static void matVecPairReference(double[] a, double[] x, double[] b, double[] y, int rows, int cols, double[] out) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < rows; i++) {
                double p = 0;
                double q = 0;
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
    public void addOuter(double[] m, int rows, int cols, double[] post, double[] pre, double[] delta) {
        final int l = LANES;
        final int rowStride = cols * l;
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            DoubleVector p0 = DoubleVector.fromArray(SPECIES, post, i * l);
            DoubleVector p1 = DoubleVector.fromArray(SPECIES, post, (i + 1) * l);
            DoubleVector p2 = DoubleVector.fromArray(SPECIES, post, (i + 2) * l);
            DoubleVector p3 = DoubleVector.fromArray(SPECIES, post, (i + 3) * l);
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                DoubleVector pj = DoubleVector.fromArray(SPECIES, pre, j * l);
                int o = base + j * l;
                addProduct(m, delta, o, p0.mul(pj));
                addProduct(m, delta, o + rowStride, p1.mul(pj));
                addProduct(m, delta, o + 2 * rowStride, p2.mul(pj));
                addProduct(m, delta, o + 3 * rowStride, p3.mul(pj));
            }
        }
        for (; i < rows; i++) {
            DoubleVector pi = DoubleVector.fromArray(SPECIES, post, i * l);
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                addProduct(m, delta, base + j * l, pi.mul(DoubleVector.fromArray(SPECIES, pre, j * l)));
            }
        }
    }

    private static void addProduct(double[] m, double[] delta, int o, DoubleVector d) {
        if (delta != null) {
            d.intoArray(delta, o);
        }
        DoubleVector.fromArray(SPECIES, m, o).add(d).intoArray(m, o);
    }

    static void addOuterReference(double[] m, int rows, int cols, double[] post, double[] pre, double[] delta) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int o = (i * cols + j) * l + k;
                    double d = post[i * l + k] * pre[j * l + k];
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
    public void outer(double[] delta, int rows, int cols, double[] post, double[] pre) {
        final int l = LANES;
        for (int i = 0; i < rows; i++) {
            DoubleVector pi = DoubleVector.fromArray(SPECIES, post, i * l);
            int base = i * cols * l;
            for (int j = 0; j < cols; j++) {
                pi.mul(DoubleVector.fromArray(SPECIES, pre, j * l)).intoArray(delta, base + j * l);
            }
        }
    }

    static void outerReference(double[] delta, int rows, int cols, double[] post, double[] pre) {
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
    public void addLowPassedOuter(double[] m, double[] d, int rows, int cols, double[] post, double[] pre, double k,
            double[] delta) {
        final int l = LANES;
        for (int i = 0; i < rows; i++) {
            DoubleVector pi = DoubleVector.fromArray(SPECIES, post, i * l);
            int base = i * cols * l;
            for (int j = 0; j < cols; j++) {
                int o = base + j * l;
                DoubleVector raw = pi.mul(DoubleVector.fromArray(SPECIES, pre, j * l));
                if (delta != null) {
                    raw.intoArray(delta, o);
                }
                DoubleVector old = DoubleVector.fromArray(SPECIES, d, o);
                DoubleVector filtered = raw.sub(old).fma(DoubleVector.broadcast(SPECIES, k), old);
                filtered.intoArray(d, o);
                DoubleVector.fromArray(SPECIES, m, o).add(filtered).intoArray(m, o);
            }
        }
    }

    static void addLowPassedOuterReference(double[] m, double[] d, int rows, int cols, double[] post, double[] pre,
            double k, double[] delta) {
        final int l = LANES;
        for (int lane = 0; lane < l; lane++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int o = (i * cols + j) * l + lane;
                    double raw = post[i * l + lane] * pre[j * l + lane];
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
     * in one pass over m and d (see {@link LaneMatrixKernels#delayedUpdateThenMatVec}).
     */
    @Override
    public void delayedUpdateThenMatVec(double[] m, double[] d, int rows, int cols, double[] post, double[] preLast,
            double k, double[] pre, double[] out, boolean accumulate) {
        final int l = LANES;
        final DoubleVector kv = DoubleVector.broadcast(SPECIES, k);
        for (int i = 0; i < rows; i++) {
            DoubleVector pi = DoubleVector.fromArray(SPECIES, post, i * l);
            DoubleVector acc = accumulate ? DoubleVector.fromArray(SPECIES, out, i * l) : DoubleVector.zero(SPECIES);
            int base = i * cols * l;
            for (int j = 0; j < cols; j++) {
                int o = base + j * l;
                DoubleVector old = DoubleVector.fromArray(SPECIES, d, o);
                DoubleVector w = DoubleVector.fromArray(SPECIES, m, o).add(old);
                w.intoArray(m, o);
                DoubleVector raw = pi.mul(DoubleVector.fromArray(SPECIES, preLast, j * l));
                raw.sub(old).fma(kv, old).intoArray(d, o);
                acc = w.fma(DoubleVector.fromArray(SPECIES, pre, j * l), acc);
            }
            acc.intoArray(out, i * l);
        }
    }

    static void delayedUpdateThenMatVecReference(double[] m, double[] d, int rows, int cols, double[] post,
            double[] preLast, double k, double[] pre, double[] out, boolean accumulate) {
        final int l = LANES;
        for (int lane = 0; lane < l; lane++) {
            for (int i = 0; i < rows; i++) {
                double sum = accumulate ? out[i * l + lane] : 0.0;
                for (int j = 0; j < cols; j++) {
                    int o = (i * cols + j) * l + lane;
                    double pending = d[o];
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
    public void learnFromCorrelation(double[] m, int rows, int cols, double[] xi, double[] h, double rate, double decay) {
        final int l = LANES;
        final int rowStride = cols * l;
        final DoubleVector keep = DoubleVector.broadcast(SPECIES, 1.0 - rate * decay);
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            DoubleVector s0 = DoubleVector.fromArray(SPECIES, xi, i * l).mul(rate);
            DoubleVector s1 = DoubleVector.fromArray(SPECIES, xi, (i + 1) * l).mul(rate);
            DoubleVector s2 = DoubleVector.fromArray(SPECIES, xi, (i + 2) * l).mul(rate);
            DoubleVector s3 = DoubleVector.fromArray(SPECIES, xi, (i + 3) * l).mul(rate);
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                DoubleVector hj = DoubleVector.fromArray(SPECIES, h, j * l);
                int o = base + j * l;
                s0.fma(hj, DoubleVector.fromArray(SPECIES, m, o).mul(keep)).intoArray(m, o);
                s1.fma(hj, DoubleVector.fromArray(SPECIES, m, o + rowStride).mul(keep)).intoArray(m, o + rowStride);
                s2.fma(hj, DoubleVector.fromArray(SPECIES, m, o + 2 * rowStride).mul(keep)).intoArray(m, o + 2 * rowStride);
                s3.fma(hj, DoubleVector.fromArray(SPECIES, m, o + 3 * rowStride).mul(keep)).intoArray(m, o + 3 * rowStride);
            }
        }
        for (; i < rows; i++) {
            DoubleVector si = DoubleVector.fromArray(SPECIES, xi, i * l).mul(rate);
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                int o = base + j * l;
                si.fma(DoubleVector.fromArray(SPECIES, h, j * l), DoubleVector.fromArray(SPECIES, m, o).mul(keep)).intoArray(m, o);
            }
        }
    }

    static void learnFromCorrelationReference(double[] m, int rows, int cols, double[] xi, double[] h, double rate,
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
    public void apicalWithFeedbackLearning(double[] b, double[] bpi, int rows, int cols, double[] r, double[] rI,
            double[] apical, double[] xi, double[] h, double rate, double decay, double[] apicalPrev, double lateralRate,
            double[] rIPrev) {
        final int l = LANES;
        final int rowStride = cols * l;
        final DoubleVector keep = DoubleVector.broadcast(SPECIES, 1.0 - rate * decay);
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            DoubleVector s0 = DoubleVector.fromArray(SPECIES, xi, i * l).mul(rate);
            DoubleVector s1 = DoubleVector.fromArray(SPECIES, xi, (i + 1) * l).mul(rate);
            DoubleVector t0 = DoubleVector.fromArray(SPECIES, apicalPrev, i * l).mul(lateralRate);
            DoubleVector t1 = DoubleVector.fromArray(SPECIES, apicalPrev, (i + 1) * l).mul(lateralRate);
            DoubleVector p0 = DoubleVector.zero(SPECIES);
            DoubleVector p1 = p0;
            DoubleVector q0 = p0;
            DoubleVector q1 = p0;
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                int c = j * l;
                DoubleVector rj = DoubleVector.fromArray(SPECIES, r, c);
                DoubleVector rIj = DoubleVector.fromArray(SPECIES, rI, c);
                DoubleVector hj = DoubleVector.fromArray(SPECIES, h, c);
                DoubleVector pre = DoubleVector.fromArray(SPECIES, rIPrev, c);
                int o0 = base + c;
                int o1 = o0 + rowStride;
                DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, o0);
                DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, o1);
                DoubleVector c0 = DoubleVector.fromArray(SPECIES, bpi, o0);
                DoubleVector c1 = DoubleVector.fromArray(SPECIES, bpi, o1);
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
            DoubleVector si = DoubleVector.fromArray(SPECIES, xi, i * l).mul(rate);
            DoubleVector ti = DoubleVector.fromArray(SPECIES, apicalPrev, i * l).mul(lateralRate);
            DoubleVector p = DoubleVector.zero(SPECIES);
            DoubleVector q = p;
            int base = i * rowStride;
            for (int j = 0; j < cols; j++) {
                int c = j * l;
                int o = base + c;
                DoubleVector bv = DoubleVector.fromArray(SPECIES, b, o);
                DoubleVector cv = DoubleVector.fromArray(SPECIES, bpi, o);
                p = bv.fma(DoubleVector.fromArray(SPECIES, r, c), p);
                q = cv.fma(DoubleVector.fromArray(SPECIES, rI, c), q);
                si.fma(DoubleVector.fromArray(SPECIES, h, c), bv.mul(keep)).intoArray(b, o);
                cv.add(ti.mul(DoubleVector.fromArray(SPECIES, rIPrev, c))).intoArray(bpi, o);
            }
            p.add(q).intoArray(apical, i * l);
        }
    }

    static void apicalWithFeedbackLearningReference(double[] b, double[] bpi, int rows, int cols, double[] r,
            double[] rI, double[] apical, double[] xi, double[] h, double rate, double decay, double[] apicalPrev,
            double lateralRate, double[] rIPrev) {
        matVecPairReference(b, r, bpi, rI, rows, cols, apical);
        learnFromCorrelationReference(b, rows, cols, xi, h, rate, decay);
        final int l = LANES;
        double[] post = new double[rows * l];
        for (int e = 0; e < post.length; e++) {
            post[e] = lateralRate * apicalPrev[e];
        }
        addOuterReference(bpi, rows, cols, post, rIPrev, null);
    }

    /** b := wᵀ and bpi := −b, with b rows × cols and w cols × rows. */
    @Override
    public void tieTransposed(double[] w, double[] b, double[] bpi, int rows, int cols) {
        final int l = LANES;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                DoubleVector v = DoubleVector.fromArray(SPECIES, w, (j * rows + i) * l);
                int o = (i * cols + j) * l;
                v.intoArray(b, o);
                v.neg().intoArray(bpi, o);
            }
        }
    }

    static void tieTransposedReference(double[] w, double[] b, double[] bpi, int rows, int cols) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double v = w[(j * rows + i) * l + k];
                    b[(i * cols + j) * l + k] = v;
                    bpi[(i * cols + j) * l + k] = -v;
                }
            }
        }
    }

    @Override
    public void tieSignTransposed(double[] w, double[] b, double[] bpi, int rows, int cols) {
        final int l = LANES;
        int count = rows * cols;
        DoubleVector sum = DoubleVector.zero(SPECIES);
        for (int e = 0; e < count; e++) {
            sum = sum.add(DoubleVector.fromArray(SPECIES, w, e * l).abs());
        }
        DoubleVector m = sum.div(count);
        DoubleVector minusM = m.neg();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                DoubleVector v = DoubleVector.fromArray(SPECIES, w, (j * rows + i) * l);
                DoubleVector s = zero.blend(m, v.compare(VectorOperators.GT, 0.0))
                        .blend(minusM, v.compare(VectorOperators.LT, 0.0));
                int o = (i * cols + j) * l;
                s.intoArray(b, o);
                s.neg().intoArray(bpi, o);
            }
        }
    }

    static void tieSignTransposedReference(double[] w, double[] b, double[] bpi, int rows, int cols) {
        final int l = LANES;
        for (int k = 0; k < l; k++) {
            double sum = 0.0;
            for (int e = 0; e < rows * cols; e++) {
                sum += Math.abs(w[e * l + k]);
            }
            double m = sum / (rows * cols);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double v = w[(j * rows + i) * l + k];
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
     * {@link VectorMath}, so the bits equal those of {@link Activation#values(double[], int, double[], int, int)});
     * other activations go through the array kernel, whose arrays, unlike vectors, cross a call the
     * JIT may not inline without being boxed.
     */
    static void prospectiveRates(double[] now, double[] old, double c, Activation phi, double[] breve, double[] rate,
            int count) {
        DoubleVector cv = DoubleVector.broadcast(SPECIES, c);
        int bound = SPECIES.loopBound(count);
        switch (phi) {
            case LOGISTIC -> {
                for (int e = 0; e < bound; e += LANES) {
                    DoubleVector o = DoubleVector.fromArray(SPECIES, old, e);
                    DoubleVector b = DoubleVector.fromArray(SPECIES, now, e).sub(o).fma(cv, o);
                    b.intoArray(breve, e);
                    VectorMath.logistic(b).intoArray(rate, e);
                }
                for (int e = bound; e < count; e++) {
                    double b = Math.fma(now[e] - old[e], c, old[e]);
                    breve[e] = b;
                    rate[e] = VectorMath.logistic(b);
                }
            }
            case TANH -> {
                for (int e = 0; e < bound; e += LANES) {
                    DoubleVector o = DoubleVector.fromArray(SPECIES, old, e);
                    DoubleVector b = DoubleVector.fromArray(SPECIES, now, e).sub(o).fma(cv, o);
                    b.intoArray(breve, e);
                    VectorMath.tanh(b).intoArray(rate, e);
                }
                for (int e = bound; e < count; e++) {
                    double b = Math.fma(now[e] - old[e], c, old[e]);
                    breve[e] = b;
                    rate[e] = VectorMath.tanh(b);
                }
            }
            default -> {
                for (int e = 0; e < bound; e += LANES) {
                    DoubleVector o = DoubleVector.fromArray(SPECIES, old, e);
                    DoubleVector.fromArray(SPECIES, now, e).sub(o).fma(cv, o).intoArray(breve, e);
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
     * {@link Activation#values(double[], int, double[], int, int)}), others through the array kernel,
     * as in {@link #prospectiveRates}.
     */
    static void rates(Activation phi, double[] v, double[] rate, int count) {
        int bound = SPECIES.loopBound(count);
        switch (phi) {
            case LOGISTIC -> {
                for (int e = 0; e < bound; e += LANES) {
                    VectorMath.logistic(DoubleVector.fromArray(SPECIES, v, e)).intoArray(rate, e);
                }
                for (int e = bound; e < count; e++) {
                    rate[e] = VectorMath.logistic(v[e]);
                }
            }
            case TANH -> {
                for (int e = 0; e < bound; e += LANES) {
                    VectorMath.tanh(DoubleVector.fromArray(SPECIES, v, e)).intoArray(rate, e);
                }
                for (int e = bound; e < count; e++) {
                    rate[e] = VectorMath.tanh(v[e]);
                }
            }
            default -> phi.values(v, 0, rate, 0, count);
        }
    }

    static void ratesReference(Activation phi, double[] v, double[] rate, int count) {
        for (int e = 0; e < count; e++) {
            rate[e] = phi.value(v[e]);
        }
    }

    static void prospectiveRatesReference(double[] now, double[] old, double c, Activation phi, double[] breve,
            double[] rate, int count) {
        for (int e = 0; e < count; e++) {
            breve[e] = old[e] + c * (now[e] - old[e]);
            rate[e] = phi.value(breve[e]);
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
    static void relax(double a, double[] x, double b, double[] y, double[] u, double rate, double[] next, int count,
            double[] nonFinite) {
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int bound = SPECIES.loopBound(count);
        for (int e = 0; e < bound; e += LANES) {
            DoubleVector uv = DoubleVector.fromArray(SPECIES, u, e);
            DoubleVector target = DoubleVector.fromArray(SPECIES, x, e).mul(a).add(DoubleVector.fromArray(SPECIES, y, e).mul(b));
            DoubleVector v = uv.add(target.sub(uv).mul(rate));
            v.intoArray(next, e);
            acc = acc.add(v.sub(v));
        }
        if (bound > 0) {
            DoubleVector.fromArray(SPECIES, nonFinite, 0).add(acc).intoArray(nonFinite, 0);
        }
        for (int e = bound; e < count; e++) {
            double v = u[e] + (x[e] * a + y[e] * b - u[e]) * rate;
            next[e] = v;
            nonFinite[LANES] += v - v;
        }
    }

    /** {@link #relax} with the second potential y + z (the apical potential plus the noise ξ). */
    static void relax(double a, double[] x, double b, double[] y, double[] z, double[] u, double rate, double[] next,
            int count, double[] nonFinite) {
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int bound = SPECIES.loopBound(count);
        for (int e = 0; e < bound; e += LANES) {
            DoubleVector uv = DoubleVector.fromArray(SPECIES, u, e);
            DoubleVector drive = DoubleVector.fromArray(SPECIES, y, e).add(DoubleVector.fromArray(SPECIES, z, e));
            DoubleVector target = DoubleVector.fromArray(SPECIES, x, e).mul(a).add(drive.mul(b));
            DoubleVector v = uv.add(target.sub(uv).mul(rate));
            v.intoArray(next, e);
            acc = acc.add(v.sub(v));
        }
        if (bound > 0) {
            DoubleVector.fromArray(SPECIES, nonFinite, 0).add(acc).intoArray(nonFinite, 0);
        }
        for (int e = bound; e < count; e++) {
            double v = u[e] + (x[e] * a + (y[e] + z[e]) * b - u[e]) * rate;
            next[e] = v;
            nonFinite[LANES] += v - v;
        }
    }

    /** next = u + rate·(a·x − u): relaxation towards one attenuated potential (the free output). */
    static void relax(double a, double[] x, double[] u, double rate, double[] next, int count, double[] nonFinite) {
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int bound = SPECIES.loopBound(count);
        for (int e = 0; e < bound; e += LANES) {
            DoubleVector uv = DoubleVector.fromArray(SPECIES, u, e);
            DoubleVector v = uv.add(DoubleVector.fromArray(SPECIES, x, e).mul(a).sub(uv).mul(rate));
            v.intoArray(next, e);
            acc = acc.add(v.sub(v));
        }
        if (bound > 0) {
            DoubleVector.fromArray(SPECIES, nonFinite, 0).add(acc).intoArray(nonFinite, 0);
        }
        for (int e = bound; e < count; e++) {
            double v = u[e] + (x[e] * a - u[e]) * rate;
            next[e] = v;
            nonFinite[LANES] += v - v;
        }
    }

    static void relaxReference(double a, double[] x, double b, double[] y, double[] z, double[] u, double rate,
            double[] next, int count, double[] nonFinite) {
        for (int e = 0; e < count; e++) {
            double drive = z == null ? y[e] : y[e] + z[e];
            next[e] = u[e] + rate * (a * x[e] + b * drive - u[e]);
            nonFinite[e % LANES] += next[e] - next[e];
        }
    }

    static void relaxReference(double a, double[] x, double[] u, double rate, double[] next, int count,
            double[] nonFinite) {
        for (int e = 0; e < count; e++) {
            next[e] = u[e] + rate * (a * x[e] - u[e]);
            nonFinite[e % LANES] += next[e] - next[e];
        }
    }

    /**
     * The postsynaptic factor of the forward and W^IP rules (§3.1–3.2):
     * out = s·[r − φ(a·v)], with s = dt·η and v the dendritic potential of the previous step.
     */
    static void predictionError(double s, double[] r, Activation phi, double a, double[] v, double[] out, int count) {
        int bound = SPECIES.loopBound(count);
        if (phi == Activation.LOGISTIC) {
            for (int e = 0; e < bound; e += LANES) {
                DoubleVector prediction = VectorMath.logistic(DoubleVector.fromArray(SPECIES, v, e).mul(a));
                DoubleVector.fromArray(SPECIES, r, e).sub(prediction).mul(s).intoArray(out, e);
            }
            for (int e = bound; e < count; e++) {
                out[e] = (r[e] - VectorMath.logistic(v[e] * a)) * s;
            }
            return;
        }
        scale(a, v, out, count);
        phi.values(out, 0, out, 0, count); // the array kernel, as in prospectiveRates
        for (int e = 0; e < bound; e += LANES) {
            DoubleVector.fromArray(SPECIES, r, e).sub(DoubleVector.fromArray(SPECIES, out, e)).mul(s).intoArray(out, e);
        }
        for (int e = bound; e < count; e++) {
            out[e] = (r[e] - out[e]) * s;
        }
    }

    static void predictionErrorReference(double s, double[] r, Activation phi, double a, double[] v, double[] out,
            int count) {
        for (int e = 0; e < count; e++) {
            out[e] = s * (r[e] - phi.value(a * v[e]));
        }
    }

    /** out = x·s. */
    static void scale(double s, double[] x, double[] out, int count) {
        int bound = SPECIES.loopBound(count);
        for (int e = 0; e < bound; e += LANES) {
            DoubleVector.fromArray(SPECIES, x, e).mul(s).intoArray(out, e);
        }
        for (int e = bound; e < count; e++) {
            out[e] = x[e] * s;
        }
    }

    /** h ← h + (r − rPrev) − k·h: the rate high-pass of §2.3.10. */
    static void highPass(double[] h, double[] r, double[] rPrev, double k, int count) {
        int bound = SPECIES.loopBound(count);
        for (int e = 0; e < bound; e += LANES) {
            DoubleVector hv = DoubleVector.fromArray(SPECIES, h, e);
            DoubleVector dr = DoubleVector.fromArray(SPECIES, r, e).sub(DoubleVector.fromArray(SPECIES, rPrev, e));
            hv.add(dr).sub(hv.mul(k)).intoArray(h, e);
        }
        for (int e = bound; e < count; e++) {
            h[e] = h[e] + (r[e] - rPrev[e]) - h[e] * k;
        }
    }

    static void highPassReference(double[] h, double[] r, double[] rPrev, double k, int count) {
        for (int e = 0; e < count; e++) {
            h[e] = h[e] + (r[e] - rPrev[e]) - k * h[e];
        }
    }
}
