package palsim.app.run;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import palsim.core.state.StateMismatchException;
import palsim.core.state.StateReader;

/**
 * Reads what a {@link BinaryStateWriter} wrote. Running past the end, or an array length that
 * cannot be, is a {@link StateMismatchException} (the state is cut short or of another kind).
 */
final class BinaryStateReader implements StateReader {
    private final ByteBuffer in;

    BinaryStateReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    /** Whether every byte was read (a state read in full by the wrong reader leaves some over). */
    boolean atEnd() {
        return !in.hasRemaining();
    }

    @Override
    public int readInt() {
        try {
            return in.getInt();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    @Override
    public long readLong() {
        try {
            return in.getLong();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    @Override
    public boolean readBoolean() {
        try {
            return in.get() != 0;
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    @Override
    public String readString() {
        int length = Short.toUnsignedInt(readShort());
        byte[] modifiedUtf8 = new byte[length + 2];
        modifiedUtf8[0] = (byte) (length >>> 8);
        modifiedUtf8[1] = (byte) length;
        read(modifiedUtf8, 2, length);
        try {
            return new DataInputStream(new java.io.ByteArrayInputStream(modifiedUtf8)).readUTF();
        } catch (IOException e) {
            throw new StateMismatchException("saved state holds a malformed string");
        }
    }

    @Override
    public double[] readDoubles() {
        double[] v = new double[length(Double.BYTES)];
        in.asDoubleBuffer().get(v);
        in.position(in.position() + v.length * Double.BYTES);
        return v;
    }

    @Override
    public float[] readFloats() {
        float[] v = new float[length(Float.BYTES)];
        in.asFloatBuffer().get(v);
        in.position(in.position() + v.length * Float.BYTES);
        return v;
    }

    @Override
    public int[] readInts() {
        int[] v = new int[length(Integer.BYTES)];
        in.asIntBuffer().get(v);
        in.position(in.position() + v.length * Integer.BYTES);
        return v;
    }

    @Override
    public long[] readLongs() {
        long[] v = new long[length(Long.BYTES)];
        in.asLongBuffer().get(v);
        in.position(in.position() + v.length * Long.BYTES);
        return v;
    }

    @Override
    public byte[] readBytes() {
        byte[] v = new byte[length(1)];
        read(v, 0, v.length);
        return v;
    }

    private short readShort() {
        try {
            return in.getShort();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    private void read(byte[] into, int offset, int length) {
        try {
            in.get(into, offset, length);
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    /** An array length, checked against what is left. */
    private int length(int bytesPerValue) {
        int length = readInt();
        if (length < 0 || (long) length * bytesPerValue > in.remaining()) {
            throw new StateMismatchException("saved state is cut short (an array of " + length + " values where "
                    + in.remaining() + " bytes are left)");
        }
        return length;
    }

    private static StateMismatchException truncated() {
        return new StateMismatchException("saved state is cut short");
    }
}
