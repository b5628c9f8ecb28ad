package palsim.app.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import palsim.app.InputException;
import palsim.core.state.StateMismatchException;

/**
 * The checkpoint file of a run (docs/resume.md): {@code checkpoints/checkpoint-NNNNNN.bin}, the
 * number counting up; the newest two are kept. Layout, big-endian:
 *
 * <pre>
 *   "PALSIMCK"              8 bytes
 *   format version          int ({@link #FORMAT_VERSION})
 *   config hash             UTF string: SHA-256 (hex) of the run's config.yaml
 *   sequence number         long
 *   jobs                    int, then per job:
 *     key                   UTF string (the experiment's job key)
 *     epoch                 int (the epoch whose end the state is of)
 *     metrics               int, then per value: rule UTF, seed long, epoch int, metric UTF, layer int, value double
 *     state                 int length, then the job's state (its own order of primitive values)
 *   CRC-32C                 long, of everything before it
 * </pre>
 */
final class CheckpointFile {
    static final String DIRECTORY = "checkpoints";
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "PALSIMCK".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{6,})\\.bin");

    /**
     * The saved state of one job.
     *
     * @param key the job's key
     * @param epoch the epoch whose end the state is of
     * @param metrics what the job recorded until then
     * @param state the job's state
     */
    record Slot(String key, int epoch, List<MetricsTable.Row> metrics, byte[] state) {
        Slot {
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * A checkpoint read back.
     *
     * @param file where it was read from
     * @param sequence its number
     * @param slots the jobs' states
     */
    record Contents(Path file, long sequence, List<Slot> slots) {}

    private CheckpointFile() {}

    static String fileName(long sequence) {
        return String.format(java.util.Locale.ROOT, "checkpoint-%06d.bin", sequence);
    }

    /** The SHA-256 of a config's text, hex. */
    static String configHash(String configText) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(configText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static byte[] encode(String configHash, long sequence, List<Slot> slots) {
        BinaryStateWriter out = new BinaryStateWriter();
        for (byte b : MAGIC) {
            out.writeBoolean(false); // placeholder bytes, overwritten below
        }
        out.writeInt(FORMAT_VERSION);
        out.writeString(configHash);
        out.writeLong(sequence);
        out.writeInt(slots.size());
        for (Slot slot : slots) {
            out.writeString(slot.key());
            out.writeInt(slot.epoch());
            out.writeInt(slot.metrics().size());
            for (MetricsTable.Row row : slot.metrics()) {
                out.writeString(row.rule());
                out.writeLong(row.seed());
                out.writeInt(row.epoch());
                out.writeString(row.metric());
                out.writeInt(row.layer());
                out.writeLong(Double.doubleToRawLongBits(row.value()));
            }
            out.writeBytes(slot.state());
        }
        byte[] body = out.toByteArray();
        System.arraycopy(MAGIC, 0, body, 0, MAGIC.length);
        CRC32C crc = new CRC32C();
        crc.update(body);
        return ByteBuffer.allocate(body.length + Long.BYTES).put(body).putLong(crc.getValue()).array();
    }

    /**
     * Reads and checks a checkpoint file.
     *
     * @param shown the file as messages name it
     * @param configHash the hash of the config.yaml it must belong to
     * @throws InputException one line naming the file: not a checkpoint, another format version,
     *     corrupt or truncated, or of another config
     */
    static Contents read(Path file, String shown, String configHash) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(shown + ": cannot read the checkpoint (" + e.getMessage() + ")", e);
        }
        if (bytes.length < MAGIC.length + Integer.BYTES + Long.BYTES
                || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new InputException(shown + ": not a palsim checkpoint (corrupt or truncated)");
        }
        int version = ByteBuffer.wrap(bytes, MAGIC.length, Integer.BYTES).getInt();
        if (version != FORMAT_VERSION) {
            throw new InputException(shown + ": checkpoint format version " + version + "; this palsim reads version "
                    + FORMAT_VERSION);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        long stored = ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
        if (stored != crc.getValue()) {
            throw new InputException(shown + ": checkpoint is corrupt or truncated (checksum mismatch)");
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, MAGIC.length + Integer.BYTES, bytes.length - Long.BYTES);
        BinaryStateReader in = new BinaryStateReader(body);
        try {
            String hash = in.readString();
            if (!hash.equals(configHash)) {
                throw new InputException(shown + ": the checkpoint belongs to another config (config.yaml changed since it"
                        + " was written; resume needs the config the run started with)");
            }
            long sequence = in.readLong();
            int jobs = in.readInt();
            List<Slot> slots = new ArrayList<>();
            for (int j = 0; j < jobs; j++) {
                String key = in.readString();
                int epoch = in.readInt();
                int count = in.readInt();
                List<MetricsTable.Row> rows = new ArrayList<>(Math.max(0, Math.min(count, 1 << 16)));
                for (int r = 0; r < count; r++) {
                    rows.add(new MetricsTable.Row(in.readString(), in.readLong(), in.readInt(), in.readString(), in.readInt(),
                            Double.longBitsToDouble(in.readLong())));
                }
                slots.add(new Slot(key, epoch, rows, in.readBytes()));
            }
            if (!in.atEnd()) {
                throw new StateMismatchException("bytes left after the last job");
            }
            return new Contents(file, sequence, slots);
        } catch (StateMismatchException e) {
            throw new InputException(shown + ": checkpoint is corrupt (" + e.getMessage() + ")", e);
        }
    }

    /** The checkpoint files of a run directory, oldest first. */
    static List<Path> list(Path runDirectory) {
        Path directory = runDirectory.resolve(DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(java.util.Comparator.comparingLong(CheckpointFile::sequenceOf)).toList();
        } catch (IOException e) {
            throw new InputException(directory + ": cannot list the checkpoints (" + e.getMessage() + ")", e);
        }
    }

    /** The newest checkpoint file of a run directory, if any. */
    static Optional<Path> newest(Path runDirectory) {
        List<Path> files = list(runDirectory);
        return files.isEmpty() ? Optional.empty() : Optional.of(files.getLast());
    }

    static long sequenceOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checkpoint file name: " + file);
        }
        return Long.parseLong(m.group(1));
    }

    /** Removes every checkpoint file (and the directory, when it is left empty). */
    static void removeAll(Path runDirectory) {
        Path directory = runDirectory.resolve(DIRECTORY);
        try {
            for (Path f : list(runDirectory)) {
                Files.deleteIfExists(f);
            }
            if (Files.isDirectory(directory)) {
                try (Stream<Path> left = Files.list(directory)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(directory);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot remove " + directory + ": " + e.getMessage(), e);
        }
    }
}
