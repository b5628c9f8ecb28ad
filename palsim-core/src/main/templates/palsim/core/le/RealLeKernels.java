// Template: the build generates DoubleLeKernels and FloatLeKernels from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see
// palsim-core/pom.xml). Scalars of the LeKernels API stay double in both.
package palsim.core.le;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import palsim.core.linalg.@Real@MatrixKernels;
import palsim.core.linalg.Transpose;
import palsim.core.metrics.Angles;
import palsim.core.neuron.Activation;

/**
 * {@link LeKernels} on {@code @real@[]}. Products use the Vector API micro-kernel of
 * {@link @Real@MatrixKernels}, activations the vector kernels of {@link Activation}; the remaining
 * element-wise loops are plain Java (C2 vectorises them; Java never fuses a multiply and an add, so
 * their results do not depend on how a loop is split or vectorised).
 */
final class @Real@LeKernels implements LeKernels<@real@[]> {
    static final @Real@LeKernels INSTANCE = new @Real@LeKernels();

    private @Real@LeKernels() {}

    @Override
    public @real@[] allocate(int length) {
        return new @real@[length];
    }

    @Override
    public void multiply(Transpose transA, int rowFrom, int rowTo, int columns, int inner, double alpha, @real@[] a,
            int lda, @real@[] b, int ldb, double beta, @real@[] c, int ldc) {
        @Real@MatrixKernels.multiply(transA, rowFrom, rowTo, columns, inner, (@real@) alpha, a, 0, lda, b, 0, ldb,
                (@real@) beta, c, 0, ldc);
    }

    @Override
    public void transpose(int rowFrom, int rowTo, int columns, @real@[] src, @real@[] dst, int ldd) {
        @Real@MatrixKernels.transpose(rowFrom, rowTo, columns, src, 0, columns, dst, 0, ldd);
    }

    @Override
    public void fill(@real@[] x, double value, int from, int to) {
        Arrays.fill(x, from, to, (@real@) value);
    }

    @Override
    public void scale(double factor, @real@[] x, int from, int to) {
        @real@ f = (@real@) factor;
        for (int i = from; i < to; i++) {
            x[i] = f * x[i];
        }
    }

    @Override
    public void loadTransposed(float[] src, int srcOffset, @real@[] dst, int rows, int columns) {
        for (int s = 0; s < columns; s++) {
            int base = srcOffset + s * rows;
            for (int i = 0; i < rows; i++) {
                dst[i * columns + s] = src[base + i];
            }
        }
    }

    @Override
    public void storeTransposed(@real@[] src, int rows, int columns, float[] dst, int dstOffset) {
        for (int s = 0; s < columns; s++) {
            int base = dstOffset + s * rows;
            for (int i = 0; i < rows; i++) {
                dst[base + i] = (float) src[i * columns + s];
            }
        }
    }

    @Override
    public void add(@real@[] x, @real@[] y, @real@[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = x[i] + y[i];
        }
    }

    @Override
    public void multiplyElements(@real@[] x, @real@[] y, @real@[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = x[i] * y[i];
        }
    }

    @Override
    public void addScaled(double alpha, @real@[] x, @real@[] y, int from, int to) {
        @real@ a = (@real@) alpha;
        for (int i = from; i < to; i++) {
            y[i] += a * x[i];
        }
    }

    @Override
    public void prospectiveVoltage(@real@[] basal, @real@[] bias, @real@[] error, @real@[] noise, @real@[] out,
            int rowFrom, int rowTo, int columns) {
        for (int row = rowFrom; row < rowTo; row++) {
            @real@ b = bias[row];
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
    public void integrateMembrane(@real@[] voltage, @real@[] membrane, double tau, double dt, int from, int to) {
        @real@ t = (@real@) tau, step = (@real@) dt;
        for (int i = from; i < to; i++) {
            @real@ u = membrane[i];
            @real@ du = (voltage[i] - u) / t;
            voltage[i] = u + t * du;
            membrane[i] = u + step * du;
        }
    }

    @Override
    public void activate(Activation activation, @real@[] voltage, @real@[] rate, @real@[] slope, int from, int to) {
        activation.valuesAndDerivatives(voltage, from, rate, slope, from, to - from);
    }

    @Override
    public void highPass(@real@[] highPass, double decay, @real@[] rateNew, @real@[] rateOld, int from, int to) {
        @real@ d = (@real@) decay;
        for (int i = from; i < to; i++) {
            highPass[i] = d * highPass[i] + (rateNew[i] - rateOld[i]);
        }
    }

    @Override
    public void ornsteinUhlenbeck(@real@[] noise, double decay, double scale, NormalizedGaussianSampler gaussian,
            int from, int to) {
        @real@ d = (@real@) decay, s = (@real@) scale;
        for (int i = from; i < to; i++) {
            noise[i] = d * noise[i] + s * (@real@) gaussian.sample();
        }
    }

    @Override
    public void rateTargetError(double beta, @real@[] target, @real@[] rate, @real@[] slope, @real@[] out, int from,
            int to) {
        @real@ b = (@real@) beta;
        for (int i = from; i < to; i++) {
            out[i] = b * (slope[i] * (target[i] - rate[i]));
        }
    }

    @Override
    public void voltageTargetError(double beta, @real@[] target, @real@[] voltage, @real@[] out, int from, int to) {
        @real@ b = (@real@) beta;
        for (int i = from; i < to; i++) {
            out[i] = b * (target[i] - voltage[i]);
        }
    }

    @Override
    public void rowSums(double alpha, @real@[] x, double beta, @real@[] y, int rowFrom, int rowTo, int columns) {
        @real@ a = (@real@) alpha, b = (@real@) beta;
        for (int row = rowFrom; row < rowTo; row++) {
            @real@ sum = 0;
            for (int i = row * columns, end = i + columns; i < end; i++) {
                sum += x[i];
            }
            y[row] = b == 0 ? a * sum : a * sum + b * y[row];
        }
    }

    @Override
    public boolean allFinite(@real@[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!@Real@.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void load(float[] src, int srcOffset, @real@[] dst, int dstOffset, int length) {
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = src[srcOffset + i];
        }
    }

    @Override
    public double[] toDoubles(@real@[] src) {
        double[] d = new double[src.length];
        for (int i = 0; i < src.length; i++) {
            d[i] = src[i];
        }
        return d;
    }

    @Override
    public void load(double[] src, @real@[] dst) {
        for (int i = 0; i < src.length; i++) {
            dst[i] = (@real@) src[i];
        }
    }

    @Override
    public double degreesToTranspose(@real@[] b, @real@[] w, int rows, int cols) {
        return Angles.degreesToTranspose(b, w, rows, cols);
    }

    @Override
    public void scaledSignOfTranspose(@real@[] w, int rows, int cols, @real@[] b) {
        double sum = 0.0;
        for (int e = 0; e < rows * cols; e++) {
            sum += Math.abs(w[e]);
        }
        @real@ m = (@real@) (sum / (rows * cols));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                @real@ v = w[j * rows + i];
                b[i * cols + j] = v > 0 ? m : v < 0 ? -m : 0;
            }
        }
    }
}
