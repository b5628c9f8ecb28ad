package palsim.core.le;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import palsim.core.linalg.DoubleMatrixKernels;
import palsim.core.linalg.Transpose;
import palsim.core.metrics.Angles;
import palsim.core.neuron.Activation;

/**
 * {@link LeKernels} on {@code double[]}. Products use the Vector API micro-kernel of
 * {@link DoubleMatrixKernels}, activations the vector kernels of {@link Activation}; the remaining
 * element-wise loops are plain Java (C2 vectorises them; Java never fuses a multiply and an add, so
 * their results do not depend on how a loop is split or vectorised).
 */
final class DoubleLeKernels implements LeKernels<double[]> {
    static final DoubleLeKernels INSTANCE = new DoubleLeKernels();

    private DoubleLeKernels() {}

    @Override
    public Precision precision() {
        return Precision.FLOAT64;
    }

    @Override
    public double[] allocate(int length) {
        return new double[length];
    }

    @Override
    public void multiply(Transpose transA, int rowFrom, int rowTo, int columns, int inner, double alpha, double[] a,
            int lda, double[] b, int ldb, double beta, double[] c, int ldc) {
        DoubleMatrixKernels.multiply(transA, rowFrom, rowTo, columns, inner, alpha, a, 0, lda, b, 0, ldb,
                beta, c, 0, ldc);
    }

    @Override
    public void transpose(int rowFrom, int rowTo, int columns, double[] src, double[] dst, int ldd) {
        DoubleMatrixKernels.transpose(rowFrom, rowTo, columns, src, 0, columns, dst, 0, ldd);
    }

    @Override
    public void fill(double[] x, double value, int from, int to) {
        Arrays.fill(x, from, to, value);
    }

    @Override
    public void scale(double factor, double[] x, int from, int to) {
        double f = factor;
        for (int i = from; i < to; i++) {
            x[i] = f * x[i];
        }
    }

    @Override
    public void loadTransposed(float[] src, int srcOffset, double[] dst, int rows, int columns) {
        for (int s = 0; s < columns; s++) {
            int base = srcOffset + s * rows;
            for (int i = 0; i < rows; i++) {
                dst[i * columns + s] = src[base + i];
            }
        }
    }

    @Override
    public void storeTransposed(double[] src, int rows, int columns, float[] dst, int dstOffset) {
        for (int s = 0; s < columns; s++) {
            int base = dstOffset + s * rows;
            for (int i = 0; i < rows; i++) {
                dst[base + i] = (float) src[i * columns + s];
            }
        }
    }

    @Override
    public void add(double[] x, double[] y, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = x[i] + y[i];
        }
    }

    @Override
    public void multiplyElements(double[] x, double[] y, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = x[i] * y[i];
        }
    }

    @Override
    public void addScaled(double alpha, double[] x, double[] y, int from, int to) {
        double a = alpha;
        for (int i = from; i < to; i++) {
            y[i] += a * x[i];
        }
    }

    @Override
    public void prospectiveVoltage(double[] basal, double[] bias, double[] error, double[] noise, double[] out,
            int rowFrom, int rowTo, int columns) {
        for (int row = rowFrom; row < rowTo; row++) {
            double b = bias[row];
            int from = row * columns, to = from + columns;
            if (error == null && noise == null) {
                for (int i = from; i < to; i++) {
                    out[i] = basal[i] + b;
                }
            } else if (noise == null) {
                for (int i = from; i < to; i++) {
                    out[i] = basal[i] + b + error[i];
                }
            } else if (error == null) {
                for (int i = from; i < to; i++) {
                    out[i] = basal[i] + b + noise[i];
                }
            } else {
                for (int i = from; i < to; i++) {
                    out[i] = basal[i] + b + error[i] + noise[i];
                }
            }
        }
    }

    @Override
    public void integrateMembrane(double[] voltage, double[] membrane, double tau, double dt, int from, int to) {
        double t = tau, step = dt;
        for (int i = from; i < to; i++) {
            double u = membrane[i];
            double du = (voltage[i] - u) / t;
            voltage[i] = u + t * du;
            membrane[i] = u + step * du;
        }
    }

    @Override
    public void activate(Activation activation, double[] voltage, double[] rate, double[] slope, int from, int to) {
        activation.valuesAndDerivatives(voltage, from, rate, slope, from, to - from);
    }

    @Override
    public void highPass(double[] highPass, double decay, double[] rateNew, double[] rateOld, int from, int to) {
        double d = decay;
        for (int i = from; i < to; i++) {
            highPass[i] = d * highPass[i] + (rateNew[i] - rateOld[i]);
        }
    }

    @Override
    public void ornsteinUhlenbeck(double[] noise, double decay, double scale, NormalizedGaussianSampler gaussian,
            int from, int to) {
        double d = decay, s = scale;
        for (int i = from; i < to; i++) {
            noise[i] = d * noise[i] + s * gaussian.sample();
        }
    }

    @Override
    public void rateTargetError(double beta, double[] target, double[] rate, double[] slope, double[] out, int from,
            int to) {
        double b = beta;
        for (int i = from; i < to; i++) {
            out[i] = b * (slope[i] * (target[i] - rate[i]));
        }
    }

    @Override
    public void voltageTargetError(double beta, double[] target, double[] voltage, double[] out, int from, int to) {
        double b = beta;
        for (int i = from; i < to; i++) {
            out[i] = b * (target[i] - voltage[i]);
        }
    }

    @Override
    public void rowSums(double alpha, double[] x, double beta, double[] y, int rowFrom, int rowTo, int columns) {
        double a = alpha, b = beta;
        for (int row = rowFrom; row < rowTo; row++) {
            double sum = 0.0;
            for (int i = row * columns, end = i + columns; i < end; i++) {
                sum += x[i];
            }
            y[row] = b == 0.0 ? a * sum : a * sum + b * y[row];
        }
    }

    @Override
    public boolean allFinite(double[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void load(float[] src, int srcOffset, double[] dst, int dstOffset, int length) {
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = src[srcOffset + i];
        }
    }

    @Override
    public double[] toDoubles(double[] src) {
        return src.clone();
    }

    @Override
    public void load(double[] src, double[] dst) {
        System.arraycopy(src, 0, dst, 0, src.length);
    }

    @Override
    public void store(double[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = (float) src[srcOffset + i];
        }
    }

    @Override
    public double degreesToTranspose(double[] b, double[] w, int rows, int cols) {
        return Angles.degreesToTranspose(b, w, rows, cols);
    }
}
