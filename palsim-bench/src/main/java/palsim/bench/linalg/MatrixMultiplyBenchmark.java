package palsim.bench.linalg;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import palsim.core.linalg.FloatMatrixKernels;
import palsim.core.linalg.FloatReferenceMatrixKernels;
import palsim.core.linalg.Transpose;

/**
 * Single-precision products at the shapes of one step of the MNIST autoencoder 784-200-2-200-784
 * with batch 32 (feature-major activations, W stored post × pre), vector micro-kernel against the
 * plain reference loops. GFLOP/s = 2·rows·columns·inner / (time per operation); the shape names
 * give rows × columns × inner:
 * <ul>
 *   <li>{@code forward}: a₁ = W₁·R₀, 200 × 32 × 784;
 *   <li>{@code handDownTransposed}: W₄ᵀ·g₄ read from the stored 784 × 200 W₄, 200 × 32 × 784;
 *   <li>{@code handDownOutputSized}: B·g into a 784-population, 784 × 32 × 200;
 *   <li>{@code weightUpdate}: W₁ += c·E₁·R₀ᵀ, 200 × 784 × 32 (β = 1).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class MatrixMultiplyBenchmark {

    @Param({"forward", "handDownTransposed", "handDownOutputSized", "weightUpdate"})
    public String shape;

    private Transpose transA;
    private int rows, columns, inner, lda;
    private float beta;
    private float[] a, b, c;

    @Setup
    public void setUp() {
        switch (shape) {
            case "forward" -> set(Transpose.NONE, 200, 32, 784, 784, 0f);
            case "handDownTransposed" -> set(Transpose.TRANSPOSED, 200, 32, 784, 200, 0f);
            case "handDownOutputSized" -> set(Transpose.NONE, 784, 32, 200, 200, 0f);
            case "weightUpdate" -> set(Transpose.NONE, 200, 784, 32, 32, 1f);
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        }
        SplittableRandom random = new SplittableRandom(1);
        a = fill(random, rows * inner);
        b = fill(random, inner * columns);
        c = fill(random, rows * columns);
    }

    private void set(Transpose t, int rows, int columns, int inner, int lda, float beta) {
        this.transA = t;
        this.rows = rows;
        this.columns = columns;
        this.inner = inner;
        this.lda = lda;
        this.beta = beta;
    }

    private static float[] fill(SplittableRandom random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() - 0.5) * 1e-3f;
        }
        return x;
    }

    @Benchmark
    public float[] vectorKernel() {
        FloatMatrixKernels.multiply(transA, 0, rows, columns, inner, 1e-3f, a, 0, lda, b, 0, columns, beta, c, 0, columns);
        return c;
    }

    @Benchmark
    public float[] referenceKernel() {
        FloatReferenceMatrixKernels.multiply(transA, 0, rows, columns, inner, 1e-3f, a, 0, lda, b, 0, columns, beta, c, 0,
                columns);
        return c;
    }
}
