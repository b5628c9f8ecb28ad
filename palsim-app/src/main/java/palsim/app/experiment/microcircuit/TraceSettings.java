package palsim.app.experiment.microcircuit;

import java.util.Arrays;

/**
 * The {@code trace} section of task {@code fw_bw}: which epochs of the first seed have their
 * output ŭ_N traced step by step against the teacher's target, and for how many samples.
 *
 * @param samples presentation blocks traced from the start of each traced epoch (≥ 1)
 * @param epochs the traced epochs (0 = settling, where the target is shown but not applied)
 */
public record TraceSettings(int samples, int[] epochs) {
    public TraceSettings {
        epochs = epochs.clone();
    }

    @Override
    public int[] epochs() {
        return epochs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceSettings t && samples == t.samples && Arrays.equals(epochs, t.epochs);
    }

    @Override
    public int hashCode() {
        return 31 * samples + Arrays.hashCode(epochs);
    }

    @Override
    public String toString() {
        return "TraceSettings[samples=" + samples + ", epochs=" + Arrays.toString(epochs) + "]";
    }
}
