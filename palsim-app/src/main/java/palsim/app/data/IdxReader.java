package palsim.app.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import palsim.core.data.Dataset;

/**
 * Reads the IDX files of the MNIST distribution (le-network.md §3.2), raw or gzip-compressed.
 *
 * <p>An IDX file is a big-endian header followed by the elements:
 * <pre>
 *   byte 0, 1   0x00 0x00
 *   byte 2      element type; palsim reads 0x08 = unsigned byte only
 *   byte 3      number of dimensions d (3 for images: count, rows, columns; 1 for labels: count)
 *   d × int32   size of each dimension
 *   …           the elements, last dimension fastest (row-major)
 * </pre>
 * so the first four bytes read as an int32 are the "magic number" 2051 (images) or 2049 (labels).
 * Compression is detected from the content (gzip starts with 0x1f 0x8b), never from the file
 * name. Every check that fails throws a {@link DataFileException} naming the file: wrong magic,
 * element type or dimension count, a non-positive or oversized dimension, a truncated header or
 * body, bytes after the last element, corrupt gzip data, a label outside {@code [0, classes)}.
 * While reading, the SHA-256 of the stored bytes is computed for provenance ({@link DataFile}).
 */
public final class IdxReader {
    /** Magic number of an image file: type 0x08 (unsigned byte), 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x0803;
    /** Magic number of a label file: type 0x08 (unsigned byte), 1 dimension. */
    public static final int LABELS_MAGIC = 0x0801;

    private static final int UNSIGNED_BYTE_TYPE = 0x08;
    // Arrays cannot hold more; a header asking for more is corrupt for any MNIST-like data.
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;

    private IdxReader() {}

    /** Reads an image file ({@code *-idx3-ubyte}, raw or gzip). */
    public static IdxImages readImages(Path file) {
        String source = file.toString();
        try (InputStream stored = open(file)) {
            return readImages(stored, source);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /** Reads a label file ({@code *-idx1-ubyte}, raw or gzip); every label must lie in {@code [0, classes)}. */
    public static IdxLabels readLabels(Path file, int classes) {
        String source = file.toString();
        try (InputStream stored = open(file)) {
            return readLabels(stored, source, classes);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /**
     * Reads an image file from a stream (e.g. a classpath resource); {@code source} names it in
     * messages and provenance. The stream is read to its end and closed.
     */
    public static IdxImages readImages(InputStream stored, String source) {
        try (Content content = Content.of(stored, source)) {
            int[] shape = content.header(IMAGES_MAGIC, "images", 3);
            int count = shape[0];
            int rows = shape[1];
            int columns = shape[2];
            byte[] bytes = content.body((long) count * rows * columns, "pixel bytes");
            float[] pixels = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                pixels[i] = (bytes[i] & 0xFF) / 255f;
            }
            return new IdxImages(count, rows, columns, pixels, content.finish());
        }
    }

    /** Reads a label file from a stream; see {@link #readImages(InputStream, String)}. */
    public static IdxLabels readLabels(InputStream stored, String source, int classes) {
        if (classes < 1 || classes > 256) {
            throw new IllegalArgumentException("classes must be in 1..256, got " + classes);
        }
        try (Content content = Content.of(stored, source)) {
            int count = content.header(LABELS_MAGIC, "labels", 1)[0];
            byte[] bytes = content.body(count, "label bytes");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
                if (labels[i] >= classes) {
                    throw new DataFileException(source, "label " + labels[i] + " at index " + i
                            + " outside 0.." + (classes - 1));
                }
            }
            return new IdxLabels(labels, content.finish());
        }
    }

    /**
     * Pairs images with their labels as a {@link Dataset} (features = pixels, row-major per image).
     *
     * @throws DataFileException naming the label file if the counts differ
     */
    public static Dataset toDataset(IdxImages images, IdxLabels labels, int classes) {
        if (images.count() != labels.count()) {
            throw new DataFileException(labels.file().source(), labels.count() + " labels for "
                    + images.count() + " images in " + images.file().source());
        }
        return new Dataset(images.pixels(), labels.labels(), images.pixelsPerImage(), classes);
    }

    private static InputStream open(Path file) {
        if (Files.isDirectory(file)) {
            throw new DataFileException(file.toString(), "is a directory, not a file");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file.toString(), "file not found", e);
        } catch (AccessDeniedException e) {
            throw new DataFileException(file.toString(), "permission denied", e);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    private static DataFileException unreadable(String source, IOException e) {
        return new DataFileException(source, "cannot read: " + e.getMessage(), e);
    }

    /**
     * The decompressed element stream of one file plus the digest of its stored bytes. Each stored
     * byte passes the digest exactly once: the buffer and the decompressor sit above it.
     */
    private static final class Content implements AutoCloseable {
        private final String source;
        private final DigestInputStream digested;
        private final CountingInputStream counted;
        private final InputStream elements;
        private final boolean gzip;

        private Content(String source, CountingInputStream counted, DigestInputStream digested,
                InputStream elements, boolean gzip) {
            this.source = source;
            this.counted = counted;
            this.digested = digested;
            this.elements = elements;
            this.gzip = gzip;
        }

        static Content of(InputStream stored, String source) {
            CountingInputStream counted = new CountingInputStream(stored);
            DigestInputStream digested = new DigestInputStream(counted, sha256());
            BufferedInputStream buffered = new BufferedInputStream(digested, 1 << 16);
            try {
                buffered.mark(2);
                int first = buffered.read();
                int second = buffered.read();
                buffered.reset();
                boolean gzip = first == 0x1f && second == 0x8b;
                InputStream elements = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
                return new Content(source, counted, digested, elements, gzip);
            } catch (ZipException | EOFException e) {
                throw new DataFileException(source, "corrupt gzip data: " + e.getMessage(), e);
            } catch (IOException e) {
                throw unreadable(source, e);
            }
        }

        /** Reads and checks the header; returns the sizes of the {@code dimensions} dimensions. */
        int[] header(int expectedMagic, String kind, int dimensions) {
            byte[] magic = read(4);
            if (magic.length < 4) {
                throw truncatedHeader(4, magic.length);
            }
            int zero = ((magic[0] & 0xFF) << 8) | (magic[1] & 0xFF);
            int type = magic[2] & 0xFF;
            int dims = magic[3] & 0xFF;
            if (zero != 0) {
                throw new DataFileException(source, String.format(
                        "not an IDX file: magic number 0x%02X%02X%02X%02X, expected %d (%s)",
                        magic[0], magic[1], magic[2], magic[3], expectedMagic, kind));
            }
            if (type != UNSIGNED_BYTE_TYPE) {
                throw new DataFileException(source, String.format(
                        "IDX element type 0x%02X not supported, expected 0x08 (unsigned byte)", type));
            }
            if (dims != dimensions) {
                String hint = dims == 1 ? " (a label file?)" : dims == 3 ? " (an image file?)" : "";
                throw new DataFileException(source, "magic number " + ((type << 8) | dims) + " has " + dims
                        + " dimensions" + hint + ", expected " + expectedMagic + " with " + dimensions
                        + " (" + kind + ")");
            }
            byte[] sizes = read(4L * dimensions);
            if (sizes.length < 4 * dimensions) {
                throw truncatedHeader(4 + 4 * dimensions, 4 + sizes.length);
            }
            int[] shape = new int[dimensions];
            long elements = 1;
            for (int d = 0; d < dimensions; d++) {
                shape[d] = ((sizes[4 * d] & 0xFF) << 24) | ((sizes[4 * d + 1] & 0xFF) << 16)
                        | ((sizes[4 * d + 2] & 0xFF) << 8) | (sizes[4 * d + 3] & 0xFF);
                if (shape[d] <= 0) {
                    throw new DataFileException(source, "dimension " + d + " has size " + shape[d]
                            + ", expected > 0");
                }
                elements *= shape[d];
                if (elements > MAX_ELEMENTS) {
                    throw new DataFileException(source, "header declares more than " + MAX_ELEMENTS
                            + " elements; the file is corrupt");
                }
            }
            return shape;
        }

        /** Reads the {@code length} element bytes and checks nothing follows them. */
        byte[] body(long length, String what) {
            byte[] bytes = read(length);
            if (bytes.length < length) {
                throw new DataFileException(source, "truncated: expected " + length + " " + what
                        + ", found " + bytes.length);
            }
            int next;
            try {
                next = elements.read();
            } catch (IOException e) {
                throw failure(e);
            }
            if (next != -1) {
                throw new DataFileException(source, "unexpected data after the " + length + " " + what
                        + " its header declares");
            }
            return bytes;
        }

        /** Consumes what is left of the stored bytes and returns the file's provenance. */
        DataFile finish() {
            try {
                digested.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw unreadable(source, e);
            }
            return new DataFile(source, counted.count(), HexFormat.of().formatHex(digested.getMessageDigest().digest()));
        }

        private byte[] read(long length) {
            try {
                // readNBytes grows its buffer with the data actually read, so a corrupt header
                // claiming gigabytes cannot make us allocate them up front.
                return elements.readNBytes((int) length);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private DataFileException failure(IOException e) {
            if (gzip && (e instanceof EOFException)) {
                return new DataFileException(source, "truncated gzip data: " + e.getMessage(), e);
            }
            if (gzip && e instanceof ZipException) {
                return new DataFileException(source, "corrupt gzip data: " + e.getMessage(), e);
            }
            return unreadable(source, e);
        }

        private DataFileException truncatedHeader(int expected, int found) {
            return new DataFileException(source, "truncated header: expected " + expected + " bytes, found " + found);
        }

        @Override
        public void close() {
            try {
                elements.close(); // releases the inflater's native memory at once
            } catch (IOException e) {
                // Everything needed was read already; a failing close changes nothing.
            }
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK provides SHA-256", e);
            }
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        long count() {
            return count;
        }
    }
}
