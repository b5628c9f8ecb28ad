package palsim.core.microcircuit.classification;

import java.util.ArrayList;
import java.util.List;
import palsim.core.data.Dataset;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.SynapsesFirstStepOrder;
import palsim.core.microcircuit.protocol.EpochCheckpoints;
import palsim.core.state.StateMismatchException;
import palsim.core.state.StateReader;

/**
 * Runs a group of seeds through a list of {@link Stage}s of a classification task
 * (microcircuit-classification.md §6): at the start of every stage each lane draws a fresh
 * presentation order with its own generator (if the stage shuffles) and the input and target
 * players are reset to the first sample; then every sample is shown for
 * {@link VoltageReadout#stepsPerSample()} steps and decided by the {@link VoltageReadout}. Neuron
 * state and weights carry over from stage to stage; nothing is reset but the players.
 */
public final class ClassificationDriver {
    private final MicrocircuitGroup group;
    private final LabelledSamples samples;
    private final VoltageReadout readout;
    private final int lanes;
    private final int active;
    private final int inputs;
    private final int classes;
    private final double[] x;
    private final double[] target;
    private final double[] sums;

    public ClassificationDriver(MicrocircuitGroup group, LabelledSamples samples, VoltageReadout readout) {
        if (!(group.spec().stepOrder() instanceof SynapsesFirstStepOrder)) {
            throw new IllegalArgumentException("classification runs with step_order " + SynapsesFirstStepOrder.CONFIG_NAME
                    + ", got " + group.spec().stepOrder().configName());
        }
        int[] n = group.spec().layers();
        if (samples.dimension() != n[0]) {
            throw new IllegalArgumentException("samples have " + samples.dimension() + " features; layers[0] is " + n[0]);
        }
        if (samples.classes() != n[n.length - 1]) {
            throw new IllegalArgumentException("samples have " + samples.classes() + " classes; the output layer has "
                    + n[n.length - 1] + " neurons");
        }
        this.group = group;
        this.samples = samples;
        this.readout = readout;
        this.lanes = group.width();
        this.active = group.seedCount();
        this.inputs = n[0];
        this.classes = samples.classes();
        this.x = new double[inputs * lanes];
        this.target = new double[classes * lanes];
        this.sums = new double[classes * lanes];
    }

    /** Runs {@code stages} in order, reporting each to {@code observer}. */
    public void run(List<Stage> stages, ClassificationObserver observer) {
        run(stages, observer, EpochCheckpoints.none());
    }

    /**
     * Runs {@code stages} in order, reporting each to {@code observer} and then offering the progress
     * to {@code checkpoints} (its "epoch" is the index of the stage that ended); when
     * {@code checkpoints} has saved progress, continues after the saved stage. A stage starts from
     * the group's state alone (fresh orders from the lanes' generators, players reset, switches set),
     * so the stage index and the group are the whole progress.
     */
    public void run(List<Stage> stages, ClassificationObserver observer, EpochCheckpoints checkpoints) {
        int first = 0;
        StateReader saved = checkpoints.resumeFrom();
        if (saved != null) {
            int done = saved.readInt();
            if (done < 0 || done >= stages.size()) {
                throw new StateMismatchException("classification: saved after stage " + done + " of " + stages.size());
            }
            group.readState(saved);
            first = done + 1;
        }
        for (int s = first; s < stages.size(); s++) {
            observer.stageEnded(group, runStage(stages.get(s)));
            int done = s;
            checkpoints.epochEnded(s, out -> {
                out.writeInt(done);
                group.writeState(out);
            });
        }
    }

    /** Runs one stage and returns each lane's result. */
    public List<StageResult> runStage(Stage stage) {
        Dataset data = samples.split(stage.split());
        int count = data.size();
        int[][] order = new int[active][count];
        int[][] predictions = new int[active][count];
        for (int k = 0; k < active; k++) {
            for (int i = 0; i < count; i++) {
                order[k][i] = i;
            }
            if (stage.shuffle()) {
                group.shuffle(k, order[k]);
            }
        }
        group.setLearning(stage.learning());
        group.setNoise(stage.noise());
        if (count > 0) {
            for (int k = 0; k < active; k++) {
                present(data, k, order[k][0]);
            }
            group.resetPlayers(x, target);
        }
        double[] teaching = stage.teaching() ? target : null;
        int steps = readout.stepsPerSample();
        for (int b = 0; b < count; b++) {
            for (int k = 0; k < active; k++) {
                present(data, k, order[k][b]);
            }
            java.util.Arrays.fill(sums, 0.0);
            for (int m = 0; m < steps; m++) {
                group.step(x, teaching);
                if (readout.reads(m)) {
                    for (int k = 0; k < active; k++) {
                        for (int i = 0; i < classes; i++) {
                            sums[i * lanes + k] += group.outputProspectiveVoltage(k, i);
                        }
                    }
                }
            }
            for (int k = 0; k < active; k++) {
                predictions[k][order[k][b]] = argmax(k);
            }
        }
        List<StageResult> results = new ArrayList<>(active);
        for (int k = 0; k < active; k++) {
            results.add(new StageResult(stage, group.seed(k), predictions[k], data.labels(), classes));
        }
        return results;
    }

    /** The class with the largest summed voltage in lane k (the first on a tie). */
    private int argmax(int k) {
        int best = 0;
        for (int i = 1; i < classes; i++) {
            if (sums[i * lanes + k] > sums[best * lanes + k]) {
                best = i;
            }
        }
        return best;
    }

    /** Lane k shows sample {@code sample}: its features and the teacher's rates for its label. */
    private void present(Dataset data, int k, int sample) {
        float[] f = data.features();
        int base = sample * inputs;
        for (int i = 0; i < inputs; i++) {
            x[i * lanes + k] = f[base + i];
        }
        int label = data.labels()[sample];
        for (int i = 0; i < classes; i++) {
            target[i * lanes + k] = i == label ? samples.high() : samples.low();
        }
    }
}
