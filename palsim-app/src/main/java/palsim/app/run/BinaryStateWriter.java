package palsim.app.run;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import palsim.core.state.StateWriter;

/** A {@link StateWriter} into a byte array: big-endian values, arrays with an int length first. */
final class BinaryStateWriter implements StateWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);
    private final DataOutputStream out = new DataOutputStream(bytes);

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    @Override
    public void writeInt(int value) {
        io(() -> out.writeInt(value));
    }

    @Override
    public void writeLong(long value) {
        io(() -> out.writeLong(value));
    }

    @Override
    public void writeBoolean(boolean value) {
        io(() -> out.writeBoolean(value));
    }

    @Override
    public void writeString(String value) {
        io(() -> out.writeUTF(value));
    }

    @Override
    public void writeDoubles(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES);
        b.asDoubleBuffer().put(values);
        array(values.length, b);
    }

    @Override
    public void writeFloats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES);
        b.asFloatBuffer().put(values);
        array(values.length, b);
    }

    @Override
    public void writeInts(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES);
        b.asIntBuffer().put(values);
        array(values.length, b);
    }

    @Override
    public void writeLongs(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES);
        b.asLongBuffer().put(values);
        array(values.length, b);
    }

    @Override
    public void writeBytes(byte[] values) {
        array(values.length, ByteBuffer.wrap(values));
    }

    private void array(int length, ByteBuffer content) {
        io(() -> {
            out.writeInt(length);
            out.write(content.array(), 0, content.capacity());
        });
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void io(Io write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }
}
