package palsim.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.core.data.Dataset;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** A header (magic as 4 bytes, then the int32 sizes) followed by {@code body}. */
    private static byte[] idx(int b0, int b1, int type, int dims, int[] sizes, byte[] body) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * sizes.length + body.length);
        buffer.put((byte) b0).put((byte) b1).put((byte) type).put((byte) dims);
        for (int s : sizes) {
            buffer.putInt(s);
        }
        return buffer.put(body).array();
    }

    private static byte[] images(int count, int rows, int columns, byte[] body) {
        return idx(0, 0, 8, 3, new int[] {count, rows, columns}, body);
    }

    private static byte[] labels(byte... values) {
        return idx(0, 0, 8, 1, new int[] {values.length}, values);
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void pixelBytesAreScaledByOneOver255RowMajor() throws IOException {
        byte[] body = {0, (byte) 255, 51, (byte) 128, 1, 2};
        IdxImages read = IdxReader.readImages(file("x-idx3-ubyte", images(1, 2, 3, body)));
        assertThat(read.count()).isEqualTo(1);
        assertThat(read.rows()).isEqualTo(2);
        assertThat(read.columns()).isEqualTo(3);
        assertThat(read.pixels()).containsExactly(0f, 1f, 51 / 255f, 128 / 255f, 1 / 255f, 2 / 255f);
    }

    @Test
    void gzipIsDetectedByContentNotByFileName() throws IOException {
        byte[] raw = images(2, 1, 2, new byte[] {1, 2, 3, 4});
        IdxImages fromGzipWithoutSuffix = IdxReader.readImages(file("compressed-idx3-ubyte", gzip(raw)));
        IdxImages fromRawWithGzSuffix = IdxReader.readImages(file("raw-idx3-ubyte.gz", raw));
        assertThat(fromGzipWithoutSuffix.pixels()).containsExactly(fromRawWithGzSuffix.pixels());
        assertThat(fromGzipWithoutSuffix.pixels()).containsExactly(1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f);
    }

    @Test
    void writerAndReaderRoundTripRawAndGzip() {
        byte[] pixels = new byte[3 * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        for (String name : new String[] {"a-idx3-ubyte", "a-idx3-ubyte.gz"}) {
            Path path = dir.resolve(name);
            IdxWriter.writeImages(path, 28, 28, pixels);
            IdxImages read = IdxReader.readImages(path);
            assertThat(read.count()).isEqualTo(3);
            for (int i = 0; i < pixels.length; i++) {
                assertThat(read.pixels()[i]).isEqualTo((pixels[i] & 0xFF) / 255f);
            }
        }
        IdxWriter.writeLabels(dir.resolve("l.gz"), new int[] {9, 0, 4});
        assertThat(IdxReader.readLabels(dir.resolve("l.gz"), 10).labels()).containsExactly(9, 0, 4);
    }

    @Test
    void datasetWrittenAndReadBackKeepsLabelsAndQuantisedFeatures() {
        Dataset original = new Dataset(new float[] {0f, 0.5f, 1f, 0.25f}, new int[] {3, 7}, 2, 10);
        IdxWriter.writeDataset(dir.resolve("i.gz"), dir.resolve("l.gz"), original, 1, 2);
        Dataset read = IdxReader.toDataset(IdxReader.readImages(dir.resolve("i.gz")),
                IdxReader.readLabels(dir.resolve("l.gz"), 10), 10);
        assertThat(read.labels()).containsExactly(3, 7);
        for (int i = 0; i < 4; i++) {
            assertThat(read.features()[i]).isCloseTo(original.features()[i], org.assertj.core.data.Offset.offset(1f / 510 + 1e-6f));
        }
    }

    @Test
    void provenanceHoldsSha256AndSizeOfTheStoredBytes() throws Exception {
        byte[] stored = gzip(images(1, 2, 2, new byte[] {9, 8, 7, 6}));
        Path path = file("p-idx3-ubyte.gz", stored);
        DataFile provenance = IdxReader.readImages(path).file();
        assertThat(provenance.source()).isEqualTo(path.toString());
        assertThat(provenance.storedBytes()).isEqualTo(stored.length);
        assertThat(provenance.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
    }

    @Test
    void wrongMagicIsRejectedNamingTheFile() throws IOException {
        Path path = file("bad-idx3-ubyte", idx(0x12, 0x34, 8, 3, new int[] {1, 1, 1}, new byte[1]));
        assertThatThrownBy(() -> IdxReader.readImages(path)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(path + ": not an IDX file: magic number 0x12340803, expected 2051");
    }

    @Test
    void labelFileReadAsImagesIsRejectedByItsDimensionCount() throws IOException {
        Path path = file("train-labels-idx1-ubyte", labels((byte) 1, (byte) 2));
        assertThatThrownBy(() -> IdxReader.readImages(path)).isInstanceOf(DataFileException.class)
                .hasMessage(path + ": magic number 2049 has 1 dimensions (a label file?), expected 2051 with 3 (images)");
    }

    @Test
    void wrongElementTypeIsRejected() throws IOException {
        Path path = file("float-idx3", idx(0, 0, 0x0D, 3, new int[] {1, 1, 1}, new byte[4]));
        assertThatThrownBy(() -> IdxReader.readImages(path)).isInstanceOf(DataFileException.class)
                .hasMessage(path + ": IDX element type 0x0D not supported, expected 0x08 (unsigned byte)");
    }

    @Test
    void wrongDimensionCountIsRejected() throws IOException {
        Path path = file("two-dims", idx(0, 0, 8, 2, new int[] {2, 2}, new byte[4]));
        assertThatThrownBy(() -> IdxReader.readImages(path)).isInstanceOf(DataFileException.class)
                .hasMessageContaining(path + ": magic number 2050 has 2 dimensions, expected 2051 with 3");
        Path images = file("images-as-labels", images(1, 1, 1, new byte[1]));
        assertThatThrownBy(() -> IdxReader.readLabels(images, 10)).hasMessageContaining("(an image file?)");
    }

    @Test
    void truncatedHeaderIsRejected() throws IOException {
        byte[] full = images(1, 28, 28, new byte[784]);
        Path path = file("short", Arrays.copyOf(full, 9));
        assertThatThrownBy(() -> IdxReader.readImages(path)).isInstanceOf(DataFileException.class)
                .hasMessage(path + ": truncated header: expected 16 bytes, found 9");
        Path tiny = file("tiny", new byte[] {0, 0});
        assertThatThrownBy(() -> IdxReader.readImages(tiny)).hasMessage(tiny + ": truncated header: expected 4 bytes, found 2");
        Path empty = file("empty", new byte[0]);
        assertThatThrownBy(() -> IdxReader.readLabels(empty, 10)).hasMessage(empty + ": truncated header: expected 4 bytes, found 0");
    }

    @Test
    void truncatedPixelDataIsRejectedWithExpectedAndFoundCounts() throws IOException {
        Path path = file("train-images-idx3-ubyte.gz", gzip(images(60_000, 28, 28, new byte[1234])));
        assertThatThrownBy(() -> IdxReader.readImages(path)).isInstanceOf(DataFileException.class)
                .hasMessage(path + ": truncated: expected 47040000 pixel bytes, found 1234");
    }

    @Test
    void truncatedLabelDataIsRejected() throws IOException {
        byte[] full = labels((byte) 1, (byte) 2, (byte) 3);
        Path path = file("labels", Arrays.copyOf(full, full.length - 1));
        assertThatThrownBy(() -> IdxReader.readLabels(path, 10)).hasMessage(path + ": truncated: expected 3 label bytes, found 2");
    }

    @Test
    void dataAfterTheDeclaredElementsIsRejected() throws IOException {
        Path path = file("long", images(1, 1, 2, new byte[3]));
        assertThatThrownBy(() -> IdxReader.readImages(path))
                .hasMessage(path + ": unexpected data after the 2 pixel bytes its header declares");
    }

    @Test
    void nonPositiveDimensionIsRejected() throws IOException {
        Path path = file("zero", images(0, 28, 28, new byte[0]));
        assertThatThrownBy(() -> IdxReader.readImages(path)).hasMessage(path + ": dimension 0 has size 0, expected > 0");
        Path negative = file("negative", images(1, -28, 28, new byte[0]));
        assertThatThrownBy(() -> IdxReader.readImages(negative)).hasMessageContaining("dimension 1 has size -28");
    }

    @Test
    void absurdlyLargeHeaderIsRejectedBeforeAllocating() throws IOException {
        Path path = file("huge", images(Integer.MAX_VALUE, 28, 28, new byte[10]));
        assertThatThrownBy(() -> IdxReader.readImages(path)).hasMessageContaining("the file is corrupt");
    }

    @Test
    void corruptGzipIsRejected() throws IOException {
        byte[] compressed = gzip(images(4, 28, 28, new byte[4 * 784]));
        byte[] corrupt = compressed.clone();
        for (int i = 12; i < corrupt.length - 8; i++) {
            corrupt[i] = (byte) 0xFF;
        }
        Path path = file("corrupt.gz", corrupt);
        assertThatThrownBy(() -> IdxReader.readImages(path)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(path + ": corrupt gzip data");
        Path notGzip = file("bad-header.gz", new byte[] {0x1f, (byte) 0x8b, 0, 0, 0});
        assertThatThrownBy(() -> IdxReader.readImages(notGzip)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(notGzip + ": ");
    }

    @Test
    void truncatedGzipIsRejected() throws IOException {
        byte[] compressed = gzip(images(4, 28, 28, new byte[4 * 784]));
        Path path = file("cut.gz", Arrays.copyOf(compressed, compressed.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(path)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(path + ": truncated gzip data");
    }

    @Test
    void labelOutsideClassRangeIsRejectedWithItsIndex() throws IOException {
        Path path = file("labels", labels((byte) 3, (byte) 9, (byte) 10));
        assertThatThrownBy(() -> IdxReader.readLabels(path, 10)).isInstanceOf(DataFileException.class)
                .hasMessage(path + ": label 10 at index 2 outside 0..9");
        Path high = file("labels255", labels((byte) 255));
        assertThatThrownBy(() -> IdxReader.readLabels(high, 10)).hasMessageContaining("label 255 at index 0");
    }

    @Test
    void imageAndLabelCountMismatchIsRejectedNamingBothFiles() throws IOException {
        IdxImages images = IdxReader.readImages(file("img", images(3, 1, 1, new byte[3])));
        IdxLabels labels = IdxReader.readLabels(file("lab", labels((byte) 1, (byte) 2)), 10);
        assertThatThrownBy(() -> IdxReader.toDataset(images, labels, 10)).isInstanceOf(DataFileException.class)
                .hasMessage(dir.resolve("lab") + ": 2 labels for 3 images in " + dir.resolve("img"));
    }

    @Test
    void missingFileIsRejectedNamingIt() {
        Path path = dir.resolve("nowhere-idx3-ubyte.gz");
        assertThatThrownBy(() -> IdxReader.readImages(path)).isInstanceOf(DataFileException.class)
                .hasMessage(path + ": file not found");
    }

    @Test
    void directoryInsteadOfFileIsRejectedNamingIt() throws IOException {
        Path path = Files.createDirectory(dir.resolve("a-directory"));
        assertThatThrownBy(() -> IdxReader.readLabels(path, 10)).isInstanceOf(DataFileException.class)
                .hasMessage(path + ": is a directory, not a file");
    }

    @Test
    void dataFileExceptionIsBadInput() {
        assertThat(new DataFileException("f", "p")).isInstanceOf(IllegalArgumentException.class).hasMessage("f: p");
    }
}
