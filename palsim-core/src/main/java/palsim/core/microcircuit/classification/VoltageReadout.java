package palsim.core.microcircuit.classification;

/**
 * Which steps of a sample presentation the class decision reads (microcircuit-classification.md
 * §6.5): the output's prospective voltage after every {@code interval}-th local step, skipping the
 * first {@code skipped} such snapshots (those right after the input switch), averaged; the class is
 * the index of the largest average (the first on a tie).
 *
 * @param stepsPerSample steps each sample is shown
 * @param interval steps between snapshots (the reference: 20, snapshots after local steps 0, 20, …)
 * @param skipped snapshots left out at the start of each sample (the reference: 1)
 */
public record VoltageReadout(int stepsPerSample, int interval, int skipped) {

    /** The reference: 100 steps per sample, snapshots every 20 steps, the first left out. */
    public static VoltageReadout reference(int stepsPerSample) {
        return new VoltageReadout(stepsPerSample, Math.max(1, stepsPerSample / 5), 1);
    }

    public VoltageReadout {
        if (stepsPerSample < 1) {
            throw new IllegalArgumentException("steps per sample must be >= 1, got " + stepsPerSample);
        }
        if (interval < 1 || interval > stepsPerSample) {
            throw new IllegalArgumentException("readout interval must be between 1 and " + stepsPerSample + " steps, got " + interval);
        }
        int snapshots = (stepsPerSample + interval - 1) / interval;
        if (skipped < 0 || skipped >= snapshots) {
            throw new IllegalArgumentException("readout skips " + skipped + " of the " + snapshots
                    + " snapshots of a sample; at least one must remain");
        }
    }

    /** Whether the snapshot after local step {@code step} (0-based within the sample) is averaged. */
    public boolean reads(int step) {
        return step % interval == 0 && step / interval >= skipped;
    }

    /** The number of snapshots averaged per sample. */
    public int snapshots() {
        return (stepsPerSample + interval - 1) / interval - skipped;
    }
}
