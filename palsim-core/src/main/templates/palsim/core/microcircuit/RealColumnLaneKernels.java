// Template: the build generates DoubleColumnLaneKernels and FloatColumnLaneKernels from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.microcircuit;

import jdk.incubator.vector.@Real@Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix kernels for a group of one seed (L = 1), with every matrix stored <em>column-major</em>:
 * element (i, j) of a rows × cols matrix at {@code j·rows + i}.
 *
 * <p>Why column-major: a product out[i] = Σ_j m[i,j]·x[j] must accumulate each out[i] as one FMA
 * chain over j from 0 — the order of a lane of an L-lane group, so that a seed's bits do not depend
 * on whether it runs alone. In row-major storage that chain can only be vectorised across lanes,
 * and a lone seed has one. Stored column-major, consecutive rows i are contiguous, so a vector holds
 * the partial sums of V consecutive rows and advances all of them by one j per FMA: the same chain
 * per element, V elements at a time. A 100 × 784 projection then streams its weights and their
 * filter once per step at full vector width.
 *
 * <p>Small matrices (fewer than {@link #VECTOR_MIN_ELEMENTS} elements, or fewer rows than one
 * vector) take plain scalar loops over the same storage: in a one-seed run the interpreter and C1
 * execute those long before C2 has compiled the Vector API code, which matters for short runs, and
 * a few dozen elements gain nothing from vectors (the Fig. 1 matrices and Yin-Yang's up to 60 hidden
 * neurons are below the limit, all of MNIST's above it). Both paths apply the same IEEE operations in
 * the same order to every element, so the choice never changes a bit.
 */
final class @Real@ColumnLaneKernels implements @Real@LaneMatrixKernels {
    static final @Real@ColumnLaneKernels INSTANCE = new @Real@ColumnLaneKernels();

    /**
     * The vector species of the column kernels: the lane engine's (256 bits). The 100 × 784 pass is bound
     * by the bandwidth of streaming W and its filter in and out (≈ 14 µs per float32 step on the AVX-512
     * machine at 256 or 512 bits alike), and 512-bit code was slower in whole runs.
     */
    static final VectorSpecies<@Real@> SPECIES = LaneSpecies.@real@Species();
    private static final int V = SPECIES.length();
    /** Matrices below this size take the scalar loops (see the class comment). */
    static final int VECTOR_MIN_ELEMENTS = 256;

    private @Real@ColumnLaneKernels() {}

    /** Storage index of element (i, j) of a matrix with {@code rows} rows. */
    static int index(int i, int j, int rows) {
        return j * rows + i;
    }

    private static boolean vectorised(int rows, int cols) {
        return rows >= V && rows * cols >= VECTOR_MIN_ELEMENTS;
    }

    // ------------------------------------------------------------------------------------------
    // Products

    @Override
    public void matVec(@real@[] m, int rows, int cols, @real@[] x, @real@[] out) {
        if (vectorised(rows, cols)) {
            matVecVector(m, rows, cols, x, out);
        } else {
            matVecScalar(m, rows, cols, x, out);
        }
    }

    // The scalar and the vector path of each product kernel are separate methods: C2 compiles what is hot,
    // and a method holding both (profiled hot together when a circuit has large and small matrices) grew
    // past its inlining budget, so that some Vector API intrinsics were left as calls — boxed vectors,
    // several times slower in a real run than in a benchmark of one shape. The element-wise kernels below
    // are small enough to keep both loops.

    private static void matVecScalar(@real@[] m, int rows, int cols, @real@[] x, @real@[] out) {
        for (int i = 0; i < rows; i++) {
            @real@ a = 0;
            for (int j = 0, o = i; j < cols; j++, o += rows) {
                a = Math.fma(m[o], x[j], a);
            }
            out[i] = a;
        }
    }

    private static void matVecVector(@real@[] m, int rows, int cols, @real@[] x, @real@[] out) {
        int i = 0;
        for (; i + 4 * V <= rows; i += 4 * V) {
            @Real@Vector a0 = @Real@Vector.zero(SPECIES);
            @Real@Vector a1 = a0;
            @Real@Vector a2 = a0;
            @Real@Vector a3 = a0;
            for (int j = 0, o = i; j < cols; j++, o += rows) {
                @Real@Vector xj = @Real@Vector.broadcast(SPECIES, x[j]);
                a0 = @Real@Vector.fromArray(SPECIES, m, o).fma(xj, a0);
                a1 = @Real@Vector.fromArray(SPECIES, m, o + V).fma(xj, a1);
                a2 = @Real@Vector.fromArray(SPECIES, m, o + 2 * V).fma(xj, a2);
                a3 = @Real@Vector.fromArray(SPECIES, m, o + 3 * V).fma(xj, a3);
            }
            a0.intoArray(out, i);
            a1.intoArray(out, i + V);
            a2.intoArray(out, i + 2 * V);
            a3.intoArray(out, i + 3 * V);
        }
        for (; i < rows; i += V) {
            matVecRows(m, rows, cols, x, out, i);
        }
    }

    /** Up to V rows from row {@code from} (masked where fewer remain). */
    private static void matVecRows(@real@[] m, int rows, int cols, @real@[] x, @real@[] out, int from) {
        VectorMask<@Real@> in = SPECIES.indexInRange(from, rows);
        @Real@Vector a = @Real@Vector.zero(SPECIES);
        for (int j = 0, o = from; j < cols; j++, o += rows) {
            a = @Real@Vector.fromArray(SPECIES, m, o, in).fma(@Real@Vector.broadcast(SPECIES, x[j]), a);
        }
        a.intoArray(out, from, in);
    }

    @Override
    public void matVecPair(@real@[] a, @real@[] x, @real@[] b, @real@[] y, int rows, int cols, @real@[] out) {
        if (vectorised(rows, cols)) {
            matVecPairVector(a, x, b, y, rows, cols, out);
        } else {
            matVecPairScalar(a, x, b, y, rows, cols, out);
        }
    }

    private static void matVecPairScalar(@real@[] a, @real@[] x, @real@[] b, @real@[] y, int rows, int cols,
            @real@[] out) {
        for (int i = 0; i < rows; i++) {
            @real@ p = 0;
            @real@ q = 0;
            for (int j = 0, o = i; j < cols; j++, o += rows) {
                p = Math.fma(a[o], x[j], p);
                q = Math.fma(b[o], y[j], q);
            }
            out[i] = p + q;
        }
    }

    private static void matVecPairVector(@real@[] a, @real@[] x, @real@[] b, @real@[] y, int rows, int cols,
            @real@[] out) {
        for (int i = 0; i < rows; i += V) {
            VectorMask<@Real@> in = SPECIES.indexInRange(i, rows);
            @Real@Vector p = @Real@Vector.zero(SPECIES);
            @Real@Vector q = p;
            for (int j = 0, o = i; j < cols; j++, o += rows) {
                p = @Real@Vector.fromArray(SPECIES, a, o, in).fma(@Real@Vector.broadcast(SPECIES, x[j]), p);
                q = @Real@Vector.fromArray(SPECIES, b, o, in).fma(@Real@Vector.broadcast(SPECIES, y[j]), q);
            }
            p.add(q).intoArray(out, i, in);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Element-wise updates: every element independent, so only the storage order of the loops changes

    @Override
    public void addOuter(@real@[] m, int rows, int cols, @real@[] post, @real@[] pre, @real@[] delta) {
        int vectorEnd = vectorised(rows, cols) ? SPECIES.loopBound(rows) : 0;
        for (int j = 0; j < cols; j++) {
            @real@ pj = pre[j];
            int base = j * rows;
            for (int i = 0; i < vectorEnd; i += V) {
                @Real@Vector d = @Real@Vector.fromArray(SPECIES, post, i).mul(pj);
                if (delta != null) {
                    d.intoArray(delta, base + i);
                }
                @Real@Vector.fromArray(SPECIES, m, base + i).add(d).intoArray(m, base + i);
            }
            for (int i = vectorEnd; i < rows; i++) {
                @real@ d = post[i] * pj;
                if (delta != null) {
                    delta[base + i] = d;
                }
                m[base + i] = m[base + i] + d;
            }
        }
    }

    @Override
    public void outer(@real@[] delta, int rows, int cols, @real@[] post, @real@[] pre) {
        int vectorEnd = vectorised(rows, cols) ? SPECIES.loopBound(rows) : 0;
        for (int j = 0; j < cols; j++) {
            @real@ pj = pre[j];
            int base = j * rows;
            for (int i = 0; i < vectorEnd; i += V) {
                @Real@Vector.fromArray(SPECIES, post, i).mul(pj).intoArray(delta, base + i);
            }
            for (int i = vectorEnd; i < rows; i++) {
                delta[base + i] = post[i] * pj;
            }
        }
    }

    @Override
    public void addLowPassedOuter(@real@[] m, @real@[] d, int rows, int cols, @real@[] post, @real@[] pre, @real@ k,
            @real@[] delta) {
        int vectorEnd = vectorised(rows, cols) ? SPECIES.loopBound(rows) : 0;
        for (int j = 0; j < cols; j++) {
            @real@ pj = pre[j];
            int base = j * rows;
            for (int i = 0; i < vectorEnd; i += V) {
                int o = base + i;
                @Real@Vector raw = @Real@Vector.fromArray(SPECIES, post, i).mul(pj);
                if (delta != null) {
                    raw.intoArray(delta, o);
                }
                @Real@Vector old = @Real@Vector.fromArray(SPECIES, d, o);
                @Real@Vector filtered = raw.sub(old).fma(@Real@Vector.broadcast(SPECIES, k), old);
                filtered.intoArray(d, o);
                @Real@Vector.fromArray(SPECIES, m, o).add(filtered).intoArray(m, o);
            }
            for (int i = vectorEnd; i < rows; i++) {
                int o = base + i;
                @real@ raw = post[i] * pj;
                if (delta != null) {
                    delta[o] = raw;
                }
                @real@ old = d[o];
                @real@ filtered = Math.fma(raw - old, k, old);
                d[o] = filtered;
                m[o] = m[o] + filtered;
            }
        }
    }

    @Override
    public void delayedUpdateThenMatVec(@real@[] m, @real@[] d, int rows, int cols, @real@[] post, @real@[] preLast,
            @real@ k, @real@[] pre, @real@[] out, boolean accumulate) {
        if (!vectorised(rows, cols)) {
            delayedUpdateThenMatVecScalar(m, d, rows, cols, post, preLast, k, pre, out, accumulate);
            return;
        }
        int i = 0;
        for (; i + 2 * V <= rows; i += 2 * V) {
            delayedUpdateThenMatVecBlock(m, d, rows, cols, post, preLast, k, pre, out, accumulate, i);
        }
        for (; i < rows; i += V) {
            delayedUpdateThenMatVecRows(m, d, rows, cols, post, preLast, k, pre, out, accumulate, i);
        }
    }

    private static void delayedUpdateThenMatVecScalar(@real@[] m, @real@[] d, int rows, int cols, @real@[] post,
            @real@[] preLast, @real@ k, @real@[] pre, @real@[] out, boolean accumulate) {
        for (int i = 0; i < rows; i++) {
            @real@ pi = post[i];
            @real@ acc = accumulate ? out[i] : 0;
            for (int j = 0, o = i; j < cols; j++, o += rows) {
                @real@ old = d[o];
                @real@ w = m[o] + old;
                m[o] = w;
                d[o] = Math.fma(pi * preLast[j] - old, k, old);
                acc = Math.fma(w, pre[j], acc);
            }
            out[i] = acc;
        }
    }

    /**
     * Rows {@code from}…{@code from} + 2V − 1: their two partial sums stay in registers for the whole pass
     * over j. Two vectors, not four: C2 must inline every Vector API call of this loop to keep the
     * vectors in registers, and a four-vector body outgrew its inlining budget in real runs (boxed
     * broadcasts, several times slower) while two independent FMA chains already hide the FMA latency
     * behind the loads and stores.
     */
    private static void delayedUpdateThenMatVecBlock(@real@[] m, @real@[] d, int rows, int cols, @real@[] post,
            @real@[] preLast, @real@ k, @real@[] pre, @real@[] out, boolean accumulate, int from) {
        @Real@Vector kv = @Real@Vector.broadcast(SPECIES, k);
        @Real@Vector p0 = @Real@Vector.fromArray(SPECIES, post, from);
        @Real@Vector p1 = @Real@Vector.fromArray(SPECIES, post, from + V);
        @Real@Vector a0 = accumulate ? @Real@Vector.fromArray(SPECIES, out, from) : @Real@Vector.zero(SPECIES);
        @Real@Vector a1 = accumulate ? @Real@Vector.fromArray(SPECIES, out, from + V) : @Real@Vector.zero(SPECIES);
        for (int j = 0, o = from; j < cols; j++, o += rows) {
            @Real@Vector last = @Real@Vector.broadcast(SPECIES, preLast[j]);
            @Real@Vector now = @Real@Vector.broadcast(SPECIES, pre[j]);
            @Real@Vector old0 = @Real@Vector.fromArray(SPECIES, d, o);
            @Real@Vector old1 = @Real@Vector.fromArray(SPECIES, d, o + V);
            @Real@Vector w0 = @Real@Vector.fromArray(SPECIES, m, o).add(old0);
            @Real@Vector w1 = @Real@Vector.fromArray(SPECIES, m, o + V).add(old1);
            w0.intoArray(m, o);
            w1.intoArray(m, o + V);
            p0.mul(last).sub(old0).fma(kv, old0).intoArray(d, o);
            p1.mul(last).sub(old1).fma(kv, old1).intoArray(d, o + V);
            a0 = w0.fma(now, a0);
            a1 = w1.fma(now, a1);
        }
        a0.intoArray(out, from);
        a1.intoArray(out, from + V);
    }

    /** Up to V rows from row {@code from} (masked where fewer remain). */
    private static void delayedUpdateThenMatVecRows(@real@[] m, @real@[] d, int rows, int cols, @real@[] post,
            @real@[] preLast, @real@ k, @real@[] pre, @real@[] out, boolean accumulate, int from) {
        VectorMask<@Real@> in = SPECIES.indexInRange(from, rows);
        @Real@Vector kv = @Real@Vector.broadcast(SPECIES, k);
        @Real@Vector p = @Real@Vector.fromArray(SPECIES, post, from, in);
        @Real@Vector a = accumulate ? @Real@Vector.fromArray(SPECIES, out, from, in) : @Real@Vector.zero(SPECIES);
        for (int j = 0, o = from; j < cols; j++, o += rows) {
            @Real@Vector old = @Real@Vector.fromArray(SPECIES, d, o, in);
            @Real@Vector w = @Real@Vector.fromArray(SPECIES, m, o, in).add(old);
            w.intoArray(m, o, in);
            p.mul(@Real@Vector.broadcast(SPECIES, preLast[j])).sub(old).fma(kv, old).intoArray(d, o, in);
            a = w.fma(@Real@Vector.broadcast(SPECIES, pre[j]), a);
        }
        a.intoArray(out, from, in);
    }

    @Override
    public void learnFromCorrelation(@real@[] m, int rows, int cols, @real@[] xi, @real@[] h, double rate, double decay) {
        @real@ keep = (@real@) (1.0 - rate * decay);
        @real@ eta = (@real@) rate;
        int vectorEnd = vectorised(rows, cols) ? SPECIES.loopBound(rows) : 0;
        for (int j = 0; j < cols; j++) {
            @real@ hj = h[j];
            int base = j * rows;
            for (int i = 0; i < vectorEnd; i += V) {
                int o = base + i;
                @Real@Vector s = @Real@Vector.fromArray(SPECIES, xi, i).mul(eta);
                s.fma(@Real@Vector.broadcast(SPECIES, hj), @Real@Vector.fromArray(SPECIES, m, o).mul(keep)).intoArray(m, o);
            }
            for (int i = vectorEnd; i < rows; i++) {
                int o = base + i;
                m[o] = Math.fma(xi[i] * eta, hj, m[o] * keep);
            }
        }
    }

    @Override
    public void apicalWithFeedbackLearning(@real@[] b, @real@[] bpi, int rows, int cols, @real@[] r, @real@[] rI,
            @real@[] apical, @real@[] xi, @real@[] h, double rate, double decay, @real@[] apicalPrev, @real@ lateralRate,
            @real@[] rIPrev) {
        @real@ keep = (@real@) (1.0 - rate * decay);
        @real@ eta = (@real@) rate;
        if (vectorised(rows, cols)) {
            apicalVector(b, bpi, rows, cols, r, rI, apical, xi, h, eta, keep, apicalPrev, lateralRate, rIPrev);
        } else {
            apicalScalar(b, bpi, rows, cols, r, rI, apical, xi, h, eta, keep, apicalPrev, lateralRate, rIPrev);
        }
    }

    private static void apicalScalar(@real@[] b, @real@[] bpi, int rows, int cols, @real@[] r, @real@[] rI,
            @real@[] apical, @real@[] xi, @real@[] h, @real@ eta, @real@ keep, @real@[] apicalPrev, @real@ lateralRate,
            @real@[] rIPrev) {
        for (int i = 0; i < rows; i++) {
            @real@ si = xi[i] * eta;
            @real@ ti = apicalPrev[i] * lateralRate;
            @real@ p = 0;
            @real@ q = 0;
            for (int j = 0, o = i; j < cols; j++, o += rows) {
                @real@ bv = b[o];
                @real@ cv = bpi[o];
                p = Math.fma(bv, r[j], p);
                q = Math.fma(cv, rI[j], q);
                b[o] = Math.fma(si, h[j], bv * keep);
                bpi[o] = cv + ti * rIPrev[j];
            }
            apical[i] = p + q;
        }
    }

    private static void apicalVector(@real@[] b, @real@[] bpi, int rows, int cols, @real@[] r, @real@[] rI,
            @real@[] apical, @real@[] xi, @real@[] h, @real@ eta, @real@ keep, @real@[] apicalPrev, @real@ lateralRate,
            @real@[] rIPrev) {
        for (int i = 0; i < rows; i += V) {
            VectorMask<@Real@> in = SPECIES.indexInRange(i, rows);
            @Real@Vector s = @Real@Vector.fromArray(SPECIES, xi, i, in).mul(eta);
            @Real@Vector t = @Real@Vector.fromArray(SPECIES, apicalPrev, i, in).mul(lateralRate);
            @Real@Vector p = @Real@Vector.zero(SPECIES);
            @Real@Vector q = p;
            for (int j = 0, o = i; j < cols; j++, o += rows) {
                @Real@Vector bv = @Real@Vector.fromArray(SPECIES, b, o, in);
                @Real@Vector cv = @Real@Vector.fromArray(SPECIES, bpi, o, in);
                p = bv.fma(@Real@Vector.broadcast(SPECIES, r[j]), p);
                q = cv.fma(@Real@Vector.broadcast(SPECIES, rI[j]), q);
                s.fma(@Real@Vector.broadcast(SPECIES, h[j]), bv.mul(keep)).intoArray(b, o, in);
                cv.add(t.mul(rIPrev[j])).intoArray(bpi, o, in);
            }
            p.add(q).intoArray(apical, i, in);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Ties to the forward weights (not hot: a dozen small matrices per step at most)

    /** b := wᵀ and bpi := −b; b rows × cols, w cols × rows, both column-major. */
    @Override
    public void tieTransposed(@real@[] w, @real@[] b, @real@[] bpi, int rows, int cols) {
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                // b[i,j] = w[j,i]; w has cols rows
                @real@ v = w[index(j, i, cols)];
                b[index(i, j, rows)] = v;
                bpi[index(i, j, rows)] = -v;
            }
        }
    }

    /** b := m·sign(wᵀ) and bpi := −b; the mean |w| is summed in w's row-major element order, as in every lane of a group. */
    @Override
    public void tieSignTransposed(@real@[] w, @real@[] b, @real@[] bpi, int rows, int cols) {
        // w is cols × rows: its row-major element order is row jw = 0…cols−1, column iw = 0…rows−1
        @real@ sum = 0;
        for (int jw = 0; jw < cols; jw++) {
            for (int iw = 0; iw < rows; iw++) {
                sum += Math.abs(w[index(jw, iw, cols)]);
            }
        }
        @real@ mean = sum / (rows * cols);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                @real@ v = w[index(j, i, cols)];
                @real@ s = v > 0 ? mean : v < 0 ? -mean : 0;
                b[index(i, j, rows)] = s;
                bpi[index(i, j, rows)] = -s;
            }
        }
    }
}
