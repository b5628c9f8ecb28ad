package palsim.core.microcircuit;

/**
 * The matrix kernels for a group of one seed (L = 1): plain {@code double} code on the one-seed
 * layout (matrices row-major), with {@link Math#fma} wherever {@link LaneKernels} uses a vector fma
 * and every sum accumulated in the same order, so each element gets exactly the bits it would get in
 * a lane of an L-lane group. A one-seed step touches a quarter of the memory of an L-lane step and
 * does no work for idle lanes.
 */
final class ScalarLaneKernels implements LaneMatrixKernels {
    static final ScalarLaneKernels INSTANCE = new ScalarLaneKernels();

    private ScalarLaneKernels() {}

    @Override
    public void matVec(double[] m, int rows, int cols, double[] x, double[] out) {
        int i = 0;
        // four independent FMA chains, as in the vector kernel
        for (; i + 3 < rows; i += 4) {
            double a0 = 0.0;
            double a1 = 0.0;
            double a2 = 0.0;
            double a3 = 0.0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                double xj = x[j];
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
            double a = 0.0;
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                a = Math.fma(m[base + j], x[j], a);
            }
            out[i] = a;
        }
    }

    @Override
    public void matVecPair(double[] a, double[] x, double[] b, double[] y, int rows, int cols, double[] out) {
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            double p0 = 0.0;
            double p1 = 0.0;
            double p2 = 0.0;
            double p3 = 0.0;
            double q0 = 0.0;
            double q1 = 0.0;
            double q2 = 0.0;
            double q3 = 0.0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                double xj = x[j];
                double yj = y[j];
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
            double p = 0.0;
            double q = 0.0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                p = Math.fma(a[o], x[j], p);
                q = Math.fma(b[o], y[j], q);
            }
            out[i] = p + q;
        }
    }

    @Override
    public void addOuter(double[] m, int rows, int cols, double[] post, double[] pre, double[] delta) {
        for (int i = 0; i < rows; i++) {
            double pi = post[i];
            int o = i * cols;
            if (delta == null) {
                for (int j = 0; j < cols; j++, o++) {
                    m[o] = m[o] + pi * pre[j];
                }
            } else {
                for (int j = 0; j < cols; j++, o++) {
                    double d = pi * pre[j];
                    delta[o] = d;
                    m[o] = m[o] + d;
                }
            }
        }
    }

    @Override
    public void outer(double[] delta, int rows, int cols, double[] post, double[] pre) {
        for (int i = 0; i < rows; i++) {
            double pi = post[i];
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                delta[o] = pi * pre[j];
            }
        }
    }

    @Override
    public void addLowPassedOuter(double[] m, double[] d, int rows, int cols, double[] post, double[] pre, double k,
            double[] delta) {
        for (int i = 0; i < rows; i++) {
            double pi = post[i];
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                double raw = pi * pre[j];
                if (delta != null) {
                    delta[o] = raw;
                }
                double old = d[o];
                double filtered = Math.fma(raw - old, k, old);
                d[o] = filtered;
                m[o] = m[o] + filtered;
            }
        }
    }

    @Override
    public void delayedUpdateThenMatVec(double[] m, double[] d, int rows, int cols, double[] post, double[] preLast,
            double k, double[] pre, double[] out, boolean accumulate) {
        for (int i = 0; i < rows; i++) {
            double pi = post[i];
            double acc = accumulate ? out[i] : 0.0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                double old = d[o];
                double w = m[o] + old;
                m[o] = w;
                d[o] = Math.fma(pi * preLast[j] - old, k, old);
                acc = Math.fma(w, pre[j], acc);
            }
            out[i] = acc;
        }
    }

    @Override
    public void learnFromCorrelation(double[] m, int rows, int cols, double[] xi, double[] h, double rate, double decay) {
        double keep = 1.0 - rate * decay;
        for (int i = 0; i < rows; i++) {
            double si = xi[i] * rate;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                m[o] = Math.fma(si, h[j], m[o] * keep);
            }
        }
    }

    @Override
    public void apicalWithFeedbackLearning(double[] b, double[] bpi, int rows, int cols, double[] r, double[] rI,
            double[] apical, double[] xi, double[] h, double rate, double decay, double[] apicalPrev, double lateralRate,
            double[] rIPrev) {
        double keep = 1.0 - rate * decay;
        int i = 0;
        // four rows at a time: eight independent FMA chains instead of two latency-bound ones
        for (; i + 3 < rows; i += 4) {
            double s0 = xi[i] * rate;
            double s1 = xi[i + 1] * rate;
            double s2 = xi[i + 2] * rate;
            double s3 = xi[i + 3] * rate;
            double t0 = apicalPrev[i] * lateralRate;
            double t1 = apicalPrev[i + 1] * lateralRate;
            double t2 = apicalPrev[i + 2] * lateralRate;
            double t3 = apicalPrev[i + 3] * lateralRate;
            double p0 = 0.0;
            double p1 = 0.0;
            double p2 = 0.0;
            double p3 = 0.0;
            double q0 = 0.0;
            double q1 = 0.0;
            double q2 = 0.0;
            double q3 = 0.0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                double rj = r[j];
                double rIj = rI[j];
                double hj = h[j];
                double pre = rIPrev[j];
                double b0 = b[o];
                double b1 = b[o + cols];
                double b2 = b[o + 2 * cols];
                double b3 = b[o + 3 * cols];
                double c0 = bpi[o];
                double c1 = bpi[o + cols];
                double c2 = bpi[o + 2 * cols];
                double c3 = bpi[o + 3 * cols];
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
            double si = xi[i] * rate;
            double ti = apicalPrev[i] * lateralRate;
            double p = 0.0;
            double q = 0.0;
            int o = i * cols;
            for (int j = 0; j < cols; j++, o++) {
                double bv = b[o];
                double cv = bpi[o];
                p = Math.fma(bv, r[j], p);
                q = Math.fma(cv, rI[j], q);
                b[o] = Math.fma(si, h[j], bv * keep);
                bpi[o] = cv + ti * rIPrev[j];
            }
            apical[i] = p + q;
        }
    }

    @Override
    public void tieTransposed(double[] w, double[] b, double[] bpi, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = w[j * rows + i];
                b[i * cols + j] = v;
                bpi[i * cols + j] = -v;
            }
        }
    }

    @Override
    public void tieSignTransposed(double[] w, double[] b, double[] bpi, int rows, int cols) {
        int count = rows * cols;
        double sum = 0.0;
        for (int e = 0; e < count; e++) {
            sum += Math.abs(w[e]);
        }
        double m = sum / count;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = w[j * rows + i];
                double s = v > 0 ? m : v < 0 ? -m : 0.0;
                b[i * cols + j] = s;
                bpi[i * cols + j] = -s;
            }
        }
    }
}
