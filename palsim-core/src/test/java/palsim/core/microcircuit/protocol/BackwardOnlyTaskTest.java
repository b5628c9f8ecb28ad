package palsim.core.microcircuit.protocol;

import palsim.core.le.Precision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import palsim.core.feedback.FeedbackRule;
import palsim.core.microcircuit.Circuits;
import palsim.core.microcircuit.MicrocircuitGroup;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.microcircuit.metrics.FeedbackAngles;

class BackwardOnlyTaskTest {

    /** angle_B_WT of lane 0 per epoch (0 = after settling). */
    private static List<double[]> alignmentCurve(FeedbackRule rule, int epochs) {
        BackwardOnlyTask task = new BackwardOnlyTask(Circuits.fig1b(rule), new RunProtocol(100, 1, 100, epochs, 1000));
        List<double[]> curve = new ArrayList<>();
        task.run(new long[] {123}, task.input(123), new RunObserver() {
            @Override
            public void epochEnded(MicrocircuitGroup group, int epoch) {
                curve.add(FeedbackAngles.of(group, 0).feedbackToTransposedForward());
            }
        });
        return curve;
    }

    /**
     * Fig. 1b in miniature: the paper's [5-20-10-20-5] linear-regime setting, 16 of its 100 epochs
     * (1.6·10⁵ steps). PAL's ∠(B, Wᵀ) falls from about 90° in every layer; FA's does not move.
     */
    @Test
    void palAlignsFeedbackWithTransposedForwardWeightsWhileFeedbackAlignmentStaysPut() {
        List<double[]> pal = alignmentCurve(Circuits.fig1bPal(3), 16);
        List<double[]> fa = alignmentCurve(Circuits.fa(), 2);
        double[] palStart = pal.get(0);
        double[] palEnd = pal.get(pal.size() - 1);
        for (int l = 0; l < 3; l++) {
            assertThat(palStart[l]).as("start, layer %d", l + 1).isGreaterThan(80);
            assertThat(palEnd[l]).as("end, layer %d", l + 1).isLessThan(palStart[l] - 15).isLessThan(75);
        }
        assertThat(fa.get(2)).isEqualTo(fa.get(0));
        assertThat(fa.get(0)).isEqualTo(palStart);
    }

    @Test
    void recordsAndEpochCallbacksFollowTheProtocol() {
        // settling 100 steps, 3 epochs of 5 samples × 10 steps, a record every 25 steps
        BackwardOnlyTask task = new BackwardOnlyTask(Circuits.fig1b(Circuits.fig1bPal(3)), new RunProtocol(1, 0.1, 5, 3, 25));
        List<RecordPoint> records = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        task.run(new long[] {1, 2}, task.input(1), new RunObserver() {
            @Override
            public void recorded(MicrocircuitGroup group, RecordPoint point) {
                records.add(point);
                assertThat(group.stepCount()).isEqualTo(point.step());
            }

            @Override
            public void epochEnded(MicrocircuitGroup group, int epoch) {
                epochs.add(epoch);
            }
        });
        assertThat(epochs).containsExactly(0, 1, 2, 3);
        assertThat(records).extracting(RecordPoint::step).containsExactly(25L, 50L, 75L, 100L, 125L, 150L, 175L, 200L, 225L, 250L);
        assertThat(records.stream().filter(r -> !r.training()).count()).isEqualTo(4);
        assertThat(records).allSatisfy(r -> assertThat(r.target()).isNull());
    }

    @Test
    void everyLaneShowsEverySampleOncePerEpochInItsOwnOrder() {
        int samples = 6;
        int k = 10;
        BackwardOnlyTask task = new BackwardOnlyTask(Circuits.fig1b(Circuits.fig1bPal(3)), new RunProtocol(1, 0.1, samples, 3, 1000));
        InputSignal input = task.input(7);
        int[][][] shown = new int[4][2][samples]; // [epoch][lane][block] → sample
        task.run(new long[] {7, 8}, input, new RunObserver() {
            @Override
            public boolean tracesEpoch(int epoch) {
                return true;
            }

            @Override
            public void stepped(MicrocircuitGroup group, RecordPoint point, int stepInEpoch) {
                if (point.training() && stepInEpoch % k == 0) {
                    for (int lane = 0; lane < 2; lane++) {
                        shown[point.epoch()][lane][stepInEpoch / k] = sampleOf(input, point.input(), lane, group.width());
                    }
                }
            }
        });
        Set<String> orders = new HashSet<>();
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (int lane = 0; lane < 2; lane++) {
                assertThat(shown[epoch][lane]).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
                orders.add(java.util.Arrays.toString(shown[epoch][lane]));
            }
        }
        assertThat(orders).hasSizeGreaterThan(4);
    }

    static int sampleOf(InputSignal input, double[] laned, int lane, int lanes) {
        for (int s = 0; s < input.samples(); s++) {
            boolean match = true;
            for (int i = 0; i < input.width(); i++) {
                match &= laned[i * lanes + lane] == input.value(s, i);
            }
            if (match) {
                return s;
            }
        }
        return -1;
    }

    @Test
    void resultsAreBitIdenticalForOneAndTwoThreads() {
        MicrocircuitSpec spec = Circuits.fig1b(Circuits.fig1bPal(3));
        BackwardOnlyTask task = new BackwardOnlyTask(spec, new RunProtocol(1, 0.1, 5, 2, 1000));
        long[] seeds = new long[MicrocircuitGroup.lanes(Precision.FLOAT64) + 2];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = 10 + i;
        }
        InputSignal input = task.input(seeds[0]);
        List<long[]> groups = SeedGroups.partition(spec, seeds);
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).containsExactly(seeds[seeds.length - 2], seeds[seeds.length - 1]);
        List<MicrocircuitGroup> one = SeedGroups.run(groups, 1, g -> task.run(g, input, RunObserver.none()));
        List<MicrocircuitGroup> two = SeedGroups.run(groups, 2, g -> task.run(g, input, RunObserver.none()));
        for (int g = 0; g < 2; g++) {
            for (int lane = 0; lane < one.get(g).seedCount(); lane++) {
                assertThat(two.get(g).weights(lane)).isEqualTo(one.get(g).weights(lane));
                assertThat(two.get(g).somaticVoltage(lane, 4)).isEqualTo(one.get(g).somaticVoltage(lane, 4));
            }
        }
    }
}
