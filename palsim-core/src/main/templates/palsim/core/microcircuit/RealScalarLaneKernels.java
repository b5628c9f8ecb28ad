// Template: the build generates DoubleScalarLaneKernels and FloatScalarLaneKernels from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.microcircuit;

/**
 * The matrix kernels for a group of one seed (L = 1): plain {@code @real@} code on the one-seed
 * layout (matrices row-major), with {@link Math#fma} wherever {@link @Real@LaneKernels} uses a vector fma
 * and every sum accumulated in the same order, so each element gets exactly the bits it would get in
 * a lane of an L-lane group. A one-seed step touches 1/L of the memory of an L-lane step and
 * does no work for idle lanes.
 */
final class @Real@ScalarLaneKernels implements @Real@LaneMatrixKernels {
    static final @Real@ScalarLaneKernels INSTANCE = new @Real@ScalarLaneKernels();

    private @Real@ScalarLaneKernels() {}

    @Override
    public void matVec(@real@[] m, int rows, int cols, @real@[] x, @real@[] out) {
        int i = 0;
        // four independent FMA chains, as in the vector kernel
        for (; i + 3 < rows; i += 4) {
            @real@ a0 = 0;
            @real@ a1 = 0;
            @real@ a2 = 0;
            @real@ a3 = 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                @real@ xj = x[j];
                a0 = Math.fma(m[o], xj, a0);
                a1 = Math.fma(m[o + cols], xj, a1);
                a2 = Math.fma(m[o + 2 * cols], xj, a2);
                a3 = Math.fma(m[o + 3 * cols], xj, a3);
            }
            out[i] = a0;
            out[i + 1] = a1;
            out[i + 2] = a2;
            out[i + 3] = a3;
        }
        for (; i < rows; i++) {
            @real@ a = 0;
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                a = Math.fma(m[base + j], x[j], a);
            }
            out[i] = a;
        }
    }

    @Override
    public void matVecPair(@real@[] a, @real@[] x, @real@[] b, @real@[] y, int rows, int cols, @real@[] out) {
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            @real@ p0 = 0;
            @real@ p1 = 0;
            @real@ p2 = 0;
            @real@ p3 = 0;
            @real@ q0 = 0;
            @real@ q1 = 0;
            @real@ q2 = 0;
            @real@ q3 = 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                @real@ xj = x[j];
                @real@ yj = y[j];
                p0 = Math.fma(a[o], xj, p0);
                p1 = Math.fma(a[o + cols], xj, p1);
                p2 = Math.fma(a[o + 2 * cols], xj, p2);
                p3 = Math.fma(a[o + 3 * cols], xj, p3);
                q0 = Math.fma(b[o], yj, q0);
                q1 = Math.fma(b[o + cols], yj, q1);
                q2 = Math.fma(b[o + 2 * cols], yj, q2);
                q3 = Math.fma(b[o + 3 * cols], yj, q3);
            }
            out[i] = p0 + q0;
            out[i + 1] = p1 + q1;
            out[i + 2] = p2 + q2;
            out[i + 3] = p3 + q3;
        }
        for (; i < rows; i++) {
            @real@ p = 0;
            @real@ q = 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                p = Math.fma(a[o], x[j], p);
                q = Math.fma(b[o], y[j], q);
            }
            out[i] = p + q;
        }
    }

    @Override
    public void addOuter(@real@[] m, int rows, int cols, @real@[] post, @real@[] pre, @real@[] delta) {
        for (int i = 0; i < rows; i++) {
            @real@ pi = post[i];
            int o = i * cols;
            if (delta == null) {
                for (int j = 0; j < cols; j++, o++) {
                    m[o] = m[o] + pi * pre[j];
                }
            } else {
                for (int j = 0; j < cols; j++, o++) {
                    @real@ d = pi * pre[j];
                    delta[o] = d;
                    m[o] = m[o] + d;
                }
            }
        }
    }

    @Override
    public void outer(@real@[] delta, int rows, int cols, @real@[] post, @real@[] pre) {
        for (int i = 0; i < rows; i++) {
            @real@ pi = post[i];
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                delta[o] = pi * pre[j];
            }
        }
    }

    @Override
    public void addLowPassedOuter(@real@[] m, @real@[] d, int rows, int cols, @real@[] post, @real@[] pre, @real@ k,
            @real@[] delta) {
        for (int i = 0; i < rows; i++) {
            @real@ pi = post[i];
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                @real@ raw = pi * pre[j];
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
        for (int i = 0; i < rows; i++) {
            @real@ pi = post[i];
            @real@ acc = accumulate ? out[i] : 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                @real@ old = d[o];
                @real@ w = m[o] + old;
                m[o] = w;
                d[o] = Math.fma(pi * preLast[j] - old, k, old);
                acc = Math.fma(w, pre[j], acc);
            }
            out[i] = acc;
        }
    }

    @Override
    public void learnFromCorrelation(@real@[] m, int rows, int cols, @real@[] xi, @real@[] h, double rate, double decay) {
        @real@ keep = (@real@) (1.0 - rate * decay);
        @real@ eta = (@real@) rate;
        for (int i = 0; i < rows; i++) {
            @real@ si = xi[i] * eta;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                m[o] = Math.fma(si, h[j], m[o] * keep);
            }
        }
    }

    @Override
    public void apicalWithFeedbackLearning(@real@[] b, @real@[] bpi, int rows, int cols, @real@[] r, @real@[] rI,
            @real@[] apical, @real@[] xi, @real@[] h, double rate, double decay, @real@[] apicalPrev, @real@ lateralRate,
            @real@[] rIPrev) {
        @real@ keep = (@real@) (1.0 - rate * decay);
        @real@ eta = (@real@) rate;
        int i = 0;
        // four rows at a time: eight independent FMA chains instead of two latency-bound ones
        for (; i + 3 < rows; i += 4) {
            @real@ s0 = xi[i] * eta;
            @real@ s1 = xi[i + 1] * eta;
            @real@ s2 = xi[i + 2] * eta;
            @real@ s3 = xi[i + 3] * eta;
            @real@ t0 = apicalPrev[i] * lateralRate;
            @real@ t1 = apicalPrev[i + 1] * lateralRate;
            @real@ t2 = apicalPrev[i + 2] * lateralRate;
            @real@ t3 = apicalPrev[i + 3] * lateralRate;
            @real@ p0 = 0;
            @real@ p1 = 0;
            @real@ p2 = 0;
            @real@ p3 = 0;
            @real@ q0 = 0;
            @real@ q1 = 0;
            @real@ q2 = 0;
            @real@ q3 = 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                @real@ rj = r[j];
                @real@ rIj = rI[j];
                @real@ hj = h[j];
                @real@ pre = rIPrev[j];
                @real@ b0 = b[o];
                @real@ b1 = b[o + cols];
                @real@ b2 = b[o + 2 * cols];
                @real@ b3 = b[o + 3 * cols];
                @real@ c0 = bpi[o];
                @real@ c1 = bpi[o + cols];
                @real@ c2 = bpi[o + 2 * cols];
                @real@ c3 = bpi[o + 3 * cols];
                p0 = Math.fma(b0, rj, p0);
                p1 = Math.fma(b1, rj, p1);
                p2 = Math.fma(b2, rj, p2);
                p3 = Math.fma(b3, rj, p3);
                q0 = Math.fma(c0, rIj, q0);
                q1 = Math.fma(c1, rIj, q1);
                q2 = Math.fma(c2, rIj, q2);
                q3 = Math.fma(c3, rIj, q3);
                b[o] = Math.fma(s0, hj, b0 * keep);
                b[o + cols] = Math.fma(s1, hj, b1 * keep);
                b[o + 2 * cols] = Math.fma(s2, hj, b2 * keep);
                b[o + 3 * cols] = Math.fma(s3, hj, b3 * keep);
                bpi[o] = c0 + t0 * pre;
                bpi[o + cols] = c1 + t1 * pre;
                bpi[o + 2 * cols] = c2 + t2 * pre;
                bpi[o + 3 * cols] = c3 + t3 * pre;
            }
            apical[i] = p0 + q0;
            apical[i + 1] = p1 + q1;
            apical[i + 2] = p2 + q2;
            apical[i + 3] = p3 + q3;
        }
        for (; i < rows; i++) {
            @real@ si = xi[i] * eta;
            @real@ ti = apicalPrev[i] * lateralRate;
            @real@ p = 0;
            @real@ q = 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
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

    @Override
    public void tieTransposed(@real@[] w, @real@[] b, @real@[] bpi, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                @real@ v = w[j * rows + i];
                b[i * cols + j] = v;
                bpi[i * cols + j] = -v;
            }
        }
    }

    @Override
    public void tieSignTransposed(@real@[] w, @real@[] b, @real@[] bpi, int rows, int cols) {
        int count = rows * cols;
        @real@ sum = 0;
        for (int e = 0; e < count; e++) {
            sum += Math.abs(w[e]);
        }
        @real@ m = sum / count;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                @real@ v = w[j * rows + i];
                @real@ s = v > 0 ? m : v < 0 ? -m : 0;
                b[i * cols + j] = s;
                bpi[i * cols + j] = -s;
            }
        }
    }
}
