package palsim.core.state;

/**
 * Reads back, in the order written, what a {@link StateWriter} received. A value that does not fit
 * what the reader expects (another length, an unknown name) is a {@link StateMismatchException}: the
 * saved state belongs to another configuration or is damaged.
 */
public interface StateReader {

    int readInt();

    long readLong();

    boolean readBoolean();

    String readString();

    double[] readDoubles();

    float[] readFloats();

    int[] readInts();

    long[] readLongs();

    byte[] readBytes();

    default boolean[] readBooleans() {
        byte[] b = readBytes();
        boolean[] v = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] != 0;
        }
        return v;
    }

    /** Reads an array of exactly {@code into.length} values into {@code into}. */
    default void readDoublesInto(double[] into, String what) {
        double[] v = readDoubles();
        StateMismatchException.requireLength(what, into.length, v.length);
        System.arraycopy(v, 0, into, 0, v.length);
    }

    /** Reads an array of exactly {@code into.length} values into {@code into}. */
    default void readFloatsInto(float[] into, String what) {
        float[] v = readFloats();
        StateMismatchException.requireLength(what, into.length, v.length);
        System.arraycopy(v, 0, into, 0, v.length);
    }

    /** Reads an array of exactly {@code into.length} values into {@code into}. */
    default void readBooleansInto(boolean[] into, String what) {
        boolean[] v = readBooleans();
        StateMismatchException.requireLength(what, into.length, v.length);
        System.arraycopy(v, 0, into, 0, v.length);
    }

    /** Reads an int that must equal {@code expected} (a size or count the state was saved with). */
    default void expectInt(int expected, String what) {
        int v = readInt();
        if (v != expected) {
            throw new StateMismatchException(what + ": saved " + v + ", expected " + expected);
        }
    }
}
