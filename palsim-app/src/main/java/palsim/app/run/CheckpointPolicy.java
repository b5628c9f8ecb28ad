package palsim.app.run;

import palsim.app.config.Bounds;
import palsim.app.config.ConfigSection;

/**
 * When a run writes its checkpoint file (docs/resume.md): the config's optional {@code checkpoint}
 * section. Every job keeps its latest state in memory at each epoch end; the file with all of them
 * is written when some job has finished {@code every_epochs} epochs since the last file, or
 * {@code every_minutes} have passed since it (0 turns either off), and always when the run is
 * interrupted (Ctrl-C, SIGTERM).
 *
 * @param everyEpochs epochs of one job between files; 0 = not by epochs
 * @param everyMinutes minutes between files; 0 = not by time
 */
public record CheckpointPolicy(int everyEpochs, double everyMinutes) {
    public static final String SECTION = "checkpoint";
    static final String EVERY_EPOCHS = "every_epochs";
    static final String EVERY_MINUTES = "every_minutes";
    /** Default minutes between checkpoint files. */
    public static final double DEFAULT_MINUTES = 0.5;

    /** Reads the {@code checkpoint} section (defaults recorded in the resolved config). */
    public static CheckpointPolicy parse(ConfigSection root) {
        ConfigSection section = root.sectionOrEmpty(SECTION);
        int epochs = section.integer(EVERY_EPOCHS, 0, Bounds.nonNegative());
        double minutes = section.number(EVERY_MINUTES, DEFAULT_MINUTES, Bounds.nonNegative());
        return new CheckpointPolicy(epochs, minutes);
    }

    /** Whether a file is due after a job's {@code epochsSinceFile} epochs and {@code nanosSinceFile}. */
    boolean due(int epochsSinceFile, long nanosSinceFile) {
        return (everyEpochs > 0 && epochsSinceFile >= everyEpochs)
                || (everyMinutes > 0 && nanosSinceFile >= everyMinutes * 60e9);
    }
}
