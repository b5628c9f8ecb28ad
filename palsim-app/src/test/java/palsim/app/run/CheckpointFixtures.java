package palsim.app.run;

import java.nio.file.Path;
import java.util.List;

/** Checkpoint files for tests outside this package (bad-input rows): valid ones and damaged ones. */
public final class CheckpointFixtures {
    private CheckpointFixtures() {}

    /** The path of checkpoint number {@code sequence} inside a run directory. */
    public static Path file(Path runDirectory, long sequence) {
        return runDirectory.resolve(CheckpointFile.DIRECTORY).resolve(CheckpointFile.fileName(sequence));
    }

    /** A valid checkpoint with one job and no metrics, for a run whose config.yaml is {@code configText}. */
    public static byte[] valid(String configText, long sequence) {
        return CheckpointFile.encode(CheckpointFile.configHash(configText), sequence,
                List.of(new CheckpointFile.Slot("job", 1, List.of(), new byte[] {1, 2, 3})));
    }

    /** The format version this palsim writes. */
    public static int formatVersion() {
        return CheckpointFile.FORMAT_VERSION;
    }
}
