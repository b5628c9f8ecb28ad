// Template: the build generates DoubleActivationKernels and FloatActivationKernels from this file
// (@Real@ -> Double/Float, @real@ -> double/float; see palsim-core/pom.xml).
package palsim.core.neuron;

import java.util.Arrays;
import jdk.incubator.vector.@Real@Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels behind {@link Activation}'s {@code @real@[]} methods. Every element,
 * including a tail shorter than a vector, goes through the same masked vector code, so its result
 * does not depend on its position in the array; exp, tanh and the logistic function come from
 * {@link VectorMath}, which gives the same bits in every execution tier.
 */
final class @Real@ActivationKernels {
    private static final VectorSpecies<@Real@> SPECIES = @Real@Vector.SPECIES_PREFERRED;
    private static final @real@ ZERO = 0;
    private static final @real@ HALF = (@real@) 0.5;
    private static final @real@ ONE = 1;
    private static final @real@ SIX = 6;

    private @Real@ActivationKernels() {}

    static void values(Activation f, @real@[] x, int xOff, @real@[] out, int outOff, int n) {
        for (int i = 0; i < n; i += SPECIES.length()) {
            VectorMask<@Real@> m = SPECIES.indexInRange(i, n);
            valueOf(f, @Real@Vector.fromArray(SPECIES, x, xOff + i, m)).intoArray(out, outOff + i, m);
        }
    }

    static void derivatives(Activation f, @real@[] x, int xOff, @real@[] out, int outOff, int n) {
        for (int i = 0; i < n; i += SPECIES.length()) {
            VectorMask<@Real@> m = SPECIES.indexInRange(i, n);
            derivativeOf(f, @Real@Vector.fromArray(SPECIES, x, xOff + i, m)).intoArray(out, outOff + i, m);
        }
    }

    static void valuesAndDerivatives(Activation f, @real@[] x, int xOff, @real@[] value, @real@[] slope, int outOff,
            int n) {
        // The hot activations get loops of their own: with the activation fixed per loop the JIT
        // inlines the vector maths and keeps every vector in registers.
        switch (f) {
            case TANH -> tanhValuesAndDerivatives(x, xOff, value, slope, outOff, n);
            case LOGISTIC -> logisticValuesAndDerivatives(x, xOff, value, slope, outOff, n);
            case LINEAR -> {
                System.arraycopy(x, xOff, value, outOff, n);
                Arrays.fill(slope, outOff, outOff + n, ONE);
            }
            default -> genericValuesAndDerivatives(f, x, xOff, value, slope, outOff, n);
        }
    }

    private static void tanhValuesAndDerivatives(@real@[] x, int xOff, @real@[] value, @real@[] slope, int outOff,
            int n) {
        @Real@Vector one = @Real@Vector.broadcast(SPECIES, ONE);
        int i = 0;
        for (; i + SPECIES.length() <= n; i += SPECIES.length()) {
            @Real@Vector y = VectorMath.tanh(@Real@Vector.fromArray(SPECIES, x, xOff + i));
            y.intoArray(value, outOff + i);
            one.sub(y.mul(y)).intoArray(slope, outOff + i);
        }
        if (i < n) {
            VectorMask<@Real@> m = SPECIES.indexInRange(i, n);
            @Real@Vector y = VectorMath.tanh(@Real@Vector.fromArray(SPECIES, x, xOff + i, m));
            y.intoArray(value, outOff + i, m);
            one.sub(y.mul(y)).intoArray(slope, outOff + i, m);
        }
    }

    private static void logisticValuesAndDerivatives(@real@[] x, int xOff, @real@[] value, @real@[] slope,
            int outOff, int n) {
        @Real@Vector one = @Real@Vector.broadcast(SPECIES, ONE);
        int i = 0;
        for (; i + SPECIES.length() <= n; i += SPECIES.length()) {
            @Real@Vector y = VectorMath.logistic(@Real@Vector.fromArray(SPECIES, x, xOff + i));
            y.intoArray(value, outOff + i);
            y.mul(one.sub(y)).intoArray(slope, outOff + i);
        }
        if (i < n) {
            VectorMask<@Real@> m = SPECIES.indexInRange(i, n);
            @Real@Vector y = VectorMath.logistic(@Real@Vector.fromArray(SPECIES, x, xOff + i, m));
            y.intoArray(value, outOff + i, m);
            y.mul(one.sub(y)).intoArray(slope, outOff + i, m);
        }
    }

    private static void genericValuesAndDerivatives(Activation f, @real@[] x, int xOff, @real@[] value,
            @real@[] slope, int outOff, int n) {
        for (int i = 0; i < n; i += SPECIES.length()) {
            VectorMask<@Real@> m = SPECIES.indexInRange(i, n);
            @Real@Vector v = @Real@Vector.fromArray(SPECIES, x, xOff + i, m);
            @Real@Vector y = valueOf(f, v);
            y.intoArray(value, outOff + i, m);
            derivativeGiven(f, v, y).intoArray(slope, outOff + i, m);
        }
    }

    static @Real@Vector valueOf(Activation f, @Real@Vector v) {
        return switch (f) {
            case LINEAR -> v;
            case RELU -> v.max(ZERO);
            case SOFTPLUS -> v.max(ZERO).add(VectorMath.log1pUnit(VectorMath.exp(v.abs().neg())));
            case LOGISTIC -> VectorMath.logistic(v);
            case TANH -> VectorMath.tanh(v);
            case HARD_SIGMOID -> v.div(SIX).add(HALF).max(ZERO).min(ONE);
            case CLAMP01 -> v.max(ZERO).min(ONE);
        };
    }

    static @Real@Vector derivativeOf(Activation f, @Real@Vector v) {
        return derivativeGiven(f, v, f == Activation.LOGISTIC || f == Activation.TANH ? valueOf(f, v) : v);
    }

    /** φ' from the input {@code v} and, where it helps, the already computed value {@code y = φ(v)}. */
    private static @Real@Vector derivativeGiven(Activation f, @Real@Vector v, @Real@Vector y) {
        @Real@Vector zero = @Real@Vector.zero(v.species());
        @Real@Vector one = zero.add(ONE);
        return switch (f) {
            case LINEAR -> one;
            case RELU -> zero.blend(one, v.compare(VectorOperators.GT, ZERO));
            case SOFTPLUS -> valueOf(Activation.LOGISTIC, v);
            case LOGISTIC -> y.mul(one.sub(y));
            case TANH -> one.sub(y.mul(y));
            case HARD_SIGMOID -> {
                @Real@Vector s = v.div(SIX).add(HALF);
                yield zero.blend(one, s.compare(VectorOperators.GT, ZERO).and(s.compare(VectorOperators.LT, ONE)));
            }
            case CLAMP01 -> zero.blend(one, v.compare(VectorOperators.GE, ZERO).and(v.compare(VectorOperators.LE, ONE)));
        };
    }
}
