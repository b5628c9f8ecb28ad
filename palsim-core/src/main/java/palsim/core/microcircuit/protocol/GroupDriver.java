package palsim.core.microcircuit.protocol;

import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.state.StateMismatchException;
import palsim.core.state.StateReader;
import palsim.core.state.StateWriter;

/**
 * Drives one group through the run protocol of microcircuit.md §5.1: settling on the unshuffled
 * input (no target, learning off), then epochs in which every lane presents the samples in its own
 * order, reshuffled at the start of each epoch with the lane's own generator (the permutation
 * carries over between epochs). Records are counted continuously across both phases.
 */
final class GroupDriver {
    private final MicrocircuitGroup group;
    private final RunProtocol protocol;
    private final InputSignal input;
    /** Per sample, the target paired with it (fw_bw), or null (bw_only). */
    private final double[][] sampleTargets;
    private final RunObserver observer;
    /** The group's lane width: the stride of x and the target. */
    private final int lanes;
    private final int active;
    private final int stepsPerSample;
    private final int[][] order;
    private final double[] x;
    private final double[] target;
    private long step;

    GroupDriver(MicrocircuitGroup group, RunProtocol protocol, InputSignal input, double[][] sampleTargets,
            RunObserver observer) {
        int[] n = group.spec().layers();
        if (input.width() != n[0]) {
            throw new IllegalArgumentException("input has " + input.width() + " values per sample; layers[0] is " + n[0]);
        }
        if (input.samples() != protocol.datasetSize()) {
            throw new IllegalArgumentException("input has " + input.samples() + " samples; dataset_size is " + protocol.datasetSize());
        }
        this.group = group;
        this.protocol = protocol;
        this.input = input;
        this.sampleTargets = sampleTargets;
        this.observer = observer;
        this.active = group.seedCount();
        this.lanes = group.width();
        this.stepsPerSample = protocol.stepsPerSample(group.spec().dt());
        if (stepsPerSample != input.stepsPerSample()) {
            throw new IllegalArgumentException("input holds each sample " + input.stepsPerSample() + " steps; tpres/dt is "
                    + stepsPerSample);
        }
        this.order = new int[active][input.samples()];
        for (int[] o : order) {
            for (int i = 0; i < o.length; i++) {
                o[i] = i;
            }
        }
        this.x = new double[n[0] * lanes];
        this.target = sampleTargets == null ? null : new double[n[n.length - 1] * lanes];
    }

    /**
     * The whole protocol, settling then training with {@code switches}, or, when {@code checkpoints}
     * has saved progress, training from the epoch after the saved one; offers the progress to
     * {@code checkpoints} after settling and after every epoch.
     */
    void run(LearningSwitches switches, EpochCheckpoints checkpoints) {
        StateReader saved = checkpoints.resumeFrom();
        int done;
        if (saved == null) {
            settle();
            checkpoints.epochEnded(0, out -> writeState(out, 0));
            done = 0;
        } else {
            done = readState(saved);
        }
        train(switches, done + 1, checkpoints);
    }

    /** The epoch, the step count, every lane's sample order (it carries over between epochs) and the group. */
    private void writeState(StateWriter out, int epoch) {
        out.writeInt(epoch);
        out.writeLong(step);
        out.writeInt(active);
        for (int[] o : order) {
            out.writeInts(o);
        }
        group.writeState(out);
    }

    /** Continues from {@link #writeState}; returns the epoch it was written at. */
    private int readState(StateReader in) {
        int epoch = in.readInt();
        if (epoch < 0 || epoch > protocol.epochs()) {
            throw new StateMismatchException("saved at epoch " + epoch + ", outside 0…" + protocol.epochs());
        }
        step = in.readLong();
        in.expectInt(active, "seeds in the group");
        for (int[] o : order) {
            int[] saved = in.readInts();
            if (saved.length != o.length) {
                throw new StateMismatchException("sample order of " + saved.length + " samples, expected " + o.length);
            }
            System.arraycopy(saved, 0, o, 0, o.length);
        }
        group.readState(in);
        return epoch;
    }

    /**
     * Settling: S = settling_time/dt steps, step i showing sample ⌊i/K⌋ (modulo the dataset) to
     * every lane, free output, learning off; then {@code epochEnded(group, 0)}.
     */
    void settle() {
        group.setLearning(LearningSwitches.OFF);
        int steps = protocol.settlingSteps(group.spec().dt());
        boolean tracing = observer.tracesEpoch(0);
        int shown = -1;
        for (int i = 0; i < steps; i++) {
            int sample = (i / stepsPerSample) % input.samples();
            if (sample != shown) {
                for (int k = 0; k < active; k++) {
                    present(k, sample);
                }
                shown = sample;
            }
            group.step(x, null);
            afterStep(0, false, i, tracing);
        }
        observer.epochEnded(group, 0);
    }

    /**
     * {@code protocol.epochs()} training epochs with {@code switches}; the paired targets nudge the
     * output if there are any. Calls {@code epochEnded(group, e)} after each.
     */
    void train(LearningSwitches switches) {
        train(switches, 1, EpochCheckpoints.none());
    }

    /** Training epochs {@code first}…{@code protocol.epochs()}, each offered to {@code checkpoints} at its end. */
    private void train(LearningSwitches switches, int first, EpochCheckpoints checkpoints) {
        group.setLearning(switches);
        int samples = input.samples();
        for (int epoch = first; epoch <= protocol.epochs(); epoch++) {
            for (int k = 0; k < active; k++) {
                group.shuffle(k, order[k]);
            }
            boolean tracing = observer.tracesEpoch(epoch);
            int inEpoch = 0;
            for (int block = 0; block < samples; block++) {
                for (int k = 0; k < active; k++) {
                    present(k, order[k][block]);
                }
                for (int s = 0; s < stepsPerSample; s++, inEpoch++) {
                    group.step(x, target);
                    afterStep(epoch, true, inEpoch, tracing);
                }
            }
            observer.epochEnded(group, epoch);
            int ended = epoch;
            checkpoints.epochEnded(epoch, out -> writeState(out, ended));
        }
    }

    private void afterStep(int epoch, boolean training, int inEpoch, boolean tracing) {
        step++;
        boolean record = step % protocol.recordInterval() == 0;
        if (record || tracing) {
            RecordPoint point = new RecordPoint(step, epoch, training, x, target);
            if (tracing) {
                observer.stepped(group, point, inEpoch);
            }
            if (record) {
                observer.recorded(group, point);
            }
        }
    }

    /** Lane k shows sample {@code sample} (and its paired target). */
    private void present(int k, int sample) {
        for (int i = 0; i < input.width(); i++) {
            x[i * lanes + k] = input.value(sample, i);
        }
        if (target != null) {
            group.scatter(sampleTargets[sample], k, target);
        }
    }
}
