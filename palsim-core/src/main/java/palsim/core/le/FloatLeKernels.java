package palsim.core.le;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import palsim.core.linalg.FloatMatrixKernels;
import palsim.core.linalg.Transpose;
import palsim.core.metrics.Angles;
import palsim.core.neuron.Activation;

/**
 * {@link LeKernels} on {@code float[]}. Products use the Vector API micro-kernel of
 * {@link FloatMatrixKernels}, activations the vector kernels of {@link Activation}; the remaining
 * element-wise loops are plain Java (C2 vectorises them; Java never fuses a multiply and an add, so
 * their results do not depend on how a loop is split or vectorised).
 */
final class FloatLeKernels implements LeKernels<float[]> {
    static final FloatLeKernels INSTANCE = new FloatLeKernels();

    private FloatLeKernels() {}

    @Override
    public Precision precision() {
        return Precision.FLOAT32;
    }

    @Override
    public float[] allocate(int length) {
        return new float[length];
    }

    @Override
    public void multiply(Transpose transA, int rowFrom, int rowTo, int columns, int inner, double alpha, float[] a,
            int lda, float[] b, int ldb, double beta, float[] c, int ldc) {
        FloatMatrixKernels.multiply(transA, rowFrom, rowTo, columns, inner, (float) alpha, a, 0, lda, b, 0, ldb,
                (float) beta, c, 0, ldc);
    }

    @Override
    public void transpose(int rowFrom, int rowTo, int columns, float[] src, float[] dst, int ldd) {
        FloatMatrixKernels.transpose(rowFrom, rowTo, columns, src, 0, columns, dst, 0, ldd);
    }

    @Override
    public void fill(float[] x, double value, int from, int to) {
        Arrays.fill(x, from, to, (float) value);
    }

    @Override
    public void scale(double factor, float[] x, int from, int to) {
        float f = (float) factor;
        for (int i = from; i < to; i++) {
            x[i] = f * x[i];
        }
    }

    @Override
    public void loadTransposed(float[] src, int srcOffset, float[] dst, int rows, int columns) {
        for (int s = 0; s < columns; s++) {
            int base = srcOffset + s * rows;
            for (int i = 0; i < rows; i++) {
                dst[i * columns + s] = src[base + i];
            }
        }
    }

    @Override
    public void storeTransposed(float[] src, int rows, int columns, float[] dst, int dstOffset) {
        for (int s = 0; s < columns; s++) {
            int base = dstOffset + s * rows;
            for (int i = 0; i < rows; i++) {
                dst[base + i] = src[i * columns + s];
            }
        }
    }

    @Override
    public void add(float[] x, float[] y, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = x[i] + y[i];
        }
    }

    @Override
    public void multiplyElements(float[] x, float[] y, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = x[i] * y[i];
        }
    }

    @Override
    public void addScaled(double alpha, float[] x, float[] y, int from, int to) {
        float a = (float) alpha;
        for (int i = from; i < to; i++) {
            y[i] += a * x[i];
        }
    }

    @Override
    public void prospectiveVoltage(float[] basal, float[] bias, float[] error, float[] noise, float[] out,
            int rowFrom, int rowTo, int columns) {
        for (int row = rowFrom; row < rowTo; row++) {
            float b = bias[row];
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
    public void integrateMembrane(float[] voltage, float[] membrane, double tau, double dt, int from, int to) {
        float t = (float) tau, step = (float) dt;
        for (int i = from; i < to; i++) {
            float u = membrane[i];
            float du = (voltage[i] - u) / t;
            voltage[i] = u + t * du;
            membrane[i] = u + step * du;
        }
    }

    @Override
    public void activate(Activation activation, float[] voltage, float[] rate, float[] slope, int from, int to) {
        activation.valuesAndDerivatives(voltage, from, rate, slope, from, to - from);
    }

    @Override
    public void highPass(float[] highPass, double decay, float[] rateNew, float[] rateOld, int from, int to) {
        float d = (float) decay;
        for (int i = from; i < to; i++) {
            highPass[i] = d * highPass[i] + (rateNew[i] - rateOld[i]);
        }
    }

    @Override
    public void ornsteinUhlenbeck(float[] noise, double decay, double scale, NormalizedGaussianSampler gaussian,
            int from, int to) {
        float d = (float) decay, s = (float) scale;
        for (int i = from; i < to; i++) {
            noise[i] = d * noise[i] + s * (float) gaussian.sample();
        }
    }

    @Override
    public void rateTargetError(double beta, float[] target, float[] rate, float[] slope, float[] out, int from,
            int to) {
        float b = (float) beta;
        for (int i = from; i < to; i++) {
            out[i] = b * (slope[i] * (target[i] - rate[i]));
        }
    }

    @Override
    public void voltageTargetError(double beta, float[] target, float[] voltage, float[] out, int from, int to) {
        float b = (float) beta;
        for (int i = from; i < to; i++) {
            out[i] = b * (target[i] - voltage[i]);
        }
    }

    @Override
    public void rowSums(double alpha, float[] x, double beta, float[] y, int rowFrom, int rowTo, int columns) {
        float a = (float) alpha, b = (float) beta;
        for (int row = rowFrom; row < rowTo; row++) {
            float sum = 0f;
            for (int i = row * columns, end = i + columns; i < end; i++) {
                sum += x[i];
            }
            y[row] = b == 0f ? a * sum : a * sum + b * y[row];
        }
    }

    @Override
    public boolean allFinite(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void load(float[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        System.arraycopy(src, srcOffset, dst, dstOffset, length);
    }

    @Override
    public double[] toDoubles(float[] src) {
        double[] d = new double[src.length];
        for (int i = 0; i < src.length; i++) {
            d[i] = src[i];
        }
        return d;
    }

    @Override
    public void load(double[] src, float[] dst) {
        for (int i = 0; i < src.length; i++) {
            dst[i] = (float) src[i];
        }
    }

    @Override
    public void store(float[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        System.arraycopy(src, srcOffset, dst, dstOffset, length);
    }

    @Override
    public double degreesToTranspose(float[] b, float[] w, int rows, int cols) {
        return Angles.degreesToTranspose(b, w, rows, cols);
    }
}
