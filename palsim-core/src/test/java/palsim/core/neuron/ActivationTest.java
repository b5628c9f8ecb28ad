package palsim.core.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ActivationTest {

    /** Inputs spanning the interesting regions, with a length that leaves a vector tail. */
    private static double[] inputs() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = new double[203];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-12, 12);
        }
        x[0] = 0.0;
        x[1] = 1.0;
        x[2] = -3.0; // hard-sigmoid corner x/6 + 1/2 = 0
        x[3] = 3.0; // hard-sigmoid corner x/6 + 1/2 = 1
        return x;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void vectorKernelsMatchScalarReferenceInDouble(Activation f) {
        double[] x = inputs();
        double[] value = new double[x.length];
        double[] slope = new double[x.length];
        f.values(x, 0, value, 0, x.length);
        f.derivatives(x, 0, slope, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(value[i]).as("%s(%s)", f, x[i]).isCloseTo(f.value(x[i]), within(1e-14 * (1 + Math.abs(x[i]))));
            assertThat(slope[i]).as("%s'(%s)", f, x[i]).isCloseTo(f.derivative(x[i]), within(1e-14));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void combinedKernelEqualsSeparateKernels(Activation f) {
        double[] x = inputs();
        double[] v1 = new double[x.length], s1 = new double[x.length], v2 = new double[x.length], s2 = new double[x.length];
        f.values(x, 0, v1, 0, x.length);
        f.derivatives(x, 0, s1, 0, x.length);
        f.valuesAndDerivatives(x, 0, v2, s2, 0, x.length);
        assertThat(v2).containsExactly(v1);
        assertThat(s2).containsExactly(s1);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void vectorKernelsMatchScalarReferenceInFloat(Activation f) {
        double[] xd = inputs();
        float[] x = new float[xd.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) xd[i];
        }
        float[] value = new float[x.length], slope = new float[x.length];
        f.valuesAndDerivatives(x, 0, value, slope, 0, x.length);
        float[] valueOnly = new float[x.length], slopeOnly = new float[x.length];
        f.values(x, 0, valueOnly, 0, x.length);
        f.derivatives(x, 0, slopeOnly, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertThat((double) value[i]).as("%s(%s)", f, x[i]).isCloseTo(f.value(x[i]), within(2e-6 * (1 + Math.abs(x[i]))));
            assertThat((double) slope[i]).as("%s'(%s)", f, x[i]).isCloseTo(f.derivative(x[i]), within(2e-6));
        }
        assertThat(valueOnly).containsExactly(value);
        assertThat(slopeOnly).containsExactly(slope);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesFiniteDifferenceAwayFromKinks(Activation f) {
        double h = 1e-6;
        for (double x : new double[] {-2.3, -0.7, 0.4, 1.9, 4.2}) {
            if (f == Activation.HARD_SIGMOID) {
                // the spec's hard-sigmoid derivative is 1 (not 1/6) on its linear part: quirk kept on purpose
                assertThat(f.derivative(x)).isEqualTo(Math.abs(x) < 3 ? 1.0 : 0.0);
                continue;
            }
            double numeric = (f.value(x + h) - f.value(x - h)) / (2 * h);
            assertThat(f.derivative(x)).as("%s'(%s)", f, x).isCloseTo(numeric, within(1e-6));
        }
    }

    @Test
    void kernelsHonourOffsetsAndLeaveOtherElementsAlone() {
        double[] x = {9, 9, 0.5, -0.5, 2.0, 9};
        double[] out = {7, 7, 7, 7, 7, 7};
        Activation.LOGISTIC.values(x, 2, out, 1, 3);
        assertThat(out[0]).isEqualTo(7);
        assertThat(out[4]).isEqualTo(7);
        assertThat(out[5]).isEqualTo(7);
        assertThat(out[1]).isCloseTo(1 / (1 + Math.exp(-0.5)), within(1e-15));
        assertThat(out[3]).isCloseTo(1 / (1 + Math.exp(-2.0)), within(1e-15));
    }

    @Test
    void theTwoHardSigmoidsAreDistinct() {
        assertThat(Activation.HARD_SIGMOID.value(0.0)).isEqualTo(0.5);
        assertThat(Activation.CLAMP01.value(0.0)).isEqualTo(0.0);
        assertThat(Activation.CLAMP01.value(0.25)).isEqualTo(0.25);
        assertThat(Activation.CLAMP01.derivative(0.0)).isEqualTo(1.0); // inclusive bounds in le-network.md
        assertThat(Activation.HARD_SIGMOID.derivative(-3.0)).isEqualTo(0.0); // strict bounds in microcircuit.md
    }

    @Test
    void reluDerivativeIsZeroAtZero() {
        assertThat(Activation.RELU.derivative(0.0)).isEqualTo(0.0);
        double[] out = new double[1];
        Activation.RELU.derivatives(new double[] {0.0}, 0, out, 0, 1);
        assertThat(out[0]).isEqualTo(0.0);
    }

    @Test
    void softplusIsStableForLargeInputs() {
        assertThat(Activation.SOFTPLUS.value(800)).isEqualTo(800.0);
        assertThat(Activation.SOFTPLUS.value(-800)).isEqualTo(0.0);
        double[] out = new double[2];
        Activation.SOFTPLUS.values(new double[] {800, -800}, 0, out, 0, 2);
        assertThat(out).containsExactly(800.0, 0.0);
    }

    @Test
    void namesAreLookedUpCaseInsensitivelyWithSigmoidAlias() {
        assertThat(Activation.byName("Logistic")).isEqualTo(Activation.LOGISTIC);
        assertThat(Activation.byName("sigmoid")).isEqualTo(Activation.LOGISTIC);
        assertThat(Activation.byName("clamp01")).isEqualTo(Activation.CLAMP01);
    }

    @Test
    void unknownNameIsRejectedWithKnownNames() {
        assertThatThrownBy(() -> Activation.byName("sigmod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sigmod'")
                .hasMessageContaining("logistic")
                .hasMessageContaining("hard_sigmoid");
    }
}
