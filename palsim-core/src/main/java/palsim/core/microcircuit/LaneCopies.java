package palsim.core.microcircuit;

/**
 * The caller's double arrays (inputs, targets, players) brought into an engine's precision. The
 * overloads are picked at compile time by the engine's array type, so the double engine reads the
 * caller's arrays as before (no copy) and the float engine rounds them once per step.
 */
final class LaneCopies {
    private LaneCopies() {}

    /** {@code values} itself: a double engine reads the caller's array ({@code copy} is not used). */
    static double[] narrow(double[] values, double[] copy) {
        return values;
    }

    /** {@code values} rounded to float into {@code copy}, which is returned. */
    static float[] narrow(double[] values, float[] copy) {
        for (int i = 0; i < values.length; i++) {
            copy[i] = (float) values[i];
        }
        return copy;
    }

    /** dst[0…count) = src[0…count). */
    static void copy(double[] src, double[] dst, int count) {
        System.arraycopy(src, 0, dst, 0, count);
    }

    /** dst[0…count) = src[0…count) rounded to float. */
    static void copy(double[] src, float[] dst, int count) {
        for (int i = 0; i < count; i++) {
            dst[i] = (float) src[i];
        }
    }
}
