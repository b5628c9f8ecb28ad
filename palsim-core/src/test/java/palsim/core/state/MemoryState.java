package palsim.core.state;

import java.util.ArrayList;
import java.util.List;

/** A {@link StateWriter} and {@link StateReader} in memory, for tests: values are read back in order. */
public final class MemoryState implements StateWriter, StateReader {
    private final List<Object> values = new ArrayList<>();
    private int next;

    /** Every value written, in order (arrays as copies). */
    public List<Object> values() {
        return List.copyOf(values);
    }

    private <T> T take(Class<T> type) {
        if (next >= values.size()) {
            throw new StateMismatchException("read past the end");
        }
        Object v = values.get(next++);
        if (!type.isInstance(v)) {
            throw new StateMismatchException("expected " + type.getSimpleName() + ", got " + v.getClass().getSimpleName());
        }
        return type.cast(v);
    }

    @Override
    public void writeInt(int value) {
        values.add(value);
    }

    @Override
    public void writeLong(long value) {
        values.add(value);
    }

    @Override
    public void writeBoolean(boolean value) {
        values.add(value);
    }

    @Override
    public void writeString(String value) {
        values.add(value);
    }

    @Override
    public void writeDoubles(double[] v) {
        values.add(v.clone());
    }

    @Override
    public void writeFloats(float[] v) {
        values.add(v.clone());
    }

    @Override
    public void writeInts(int[] v) {
        values.add(v.clone());
    }

    @Override
    public void writeLongs(long[] v) {
        values.add(v.clone());
    }

    @Override
    public void writeBytes(byte[] v) {
        values.add(v.clone());
    }

    @Override
    public int readInt() {
        return take(Integer.class);
    }

    @Override
    public long readLong() {
        return take(Long.class);
    }

    @Override
    public boolean readBoolean() {
        return take(Boolean.class);
    }

    @Override
    public String readString() {
        return take(String.class);
    }

    @Override
    public double[] readDoubles() {
        return take(double[].class).clone();
    }

    @Override
    public float[] readFloats() {
        return take(float[].class).clone();
    }

    @Override
    public int[] readInts() {
        return take(int[].class).clone();
    }

    @Override
    public long[] readLongs() {
        return take(long[].class).clone();
    }

    @Override
    public byte[] readBytes() {
        return take(byte[].class).clone();
    }

    /** Whether every value was read. */
    public boolean atEnd() {
        return next == values.size();
    }
}
