package palsim.core.state;

/**
 * Where a simulation writes its dynamic state for a checkpoint: a sequence of primitive values and
 * arrays, read back in the same order by a {@link StateReader}. The core only produces and
 * consumes the values; the application decides how they are stored (so the core does no I/O).
 *
 * <p>Implementations copy what they are given; arrays may be reused by the caller afterwards.
 */
public interface StateWriter {

    void writeInt(int value);

    void writeLong(long value);

    void writeBoolean(boolean value);

    void writeString(String value);

    /** An array with its length. */
    void writeDoubles(double[] values);

    /** An array with its length. */
    void writeFloats(float[] values);

    /** An array with its length. */
    void writeInts(int[] values);

    /** An array with its length. */
    void writeLongs(long[] values);

    /** An array with its length. */
    void writeBytes(byte[] values);

    /** An array with its length. */
    default void writeBooleans(boolean[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) (values[i] ? 1 : 0);
        }
        writeBytes(b);
    }
}
