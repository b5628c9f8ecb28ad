package palsim.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackRuleRegistryTest {

    private static final Map<String, Object> PAL = Map.of(
            "noise.std", new double[] {0.05, 0.05, 0.05},
            "noise.tau", 0.1,
            "tau_high_pass", 0.1,
            "learning_rates", new double[] {50, 50, 50},
            "decay", new double[] {1e-5, 1e-5, 1e-5},
            "tau_forward_low_pass", 100.0);

    @Test
    void standardRegistryKnowsTheShippedRules() {
        assertThat(FeedbackRuleRegistry.standard().names()).containsExactly("bp", "dfa", "fa", "kolen_pollack", "pal",
                "sign_symmetry", "weight_mirror");
    }

    @Test
    void unknownRuleNameIsRejectedWithKnownNames() {
        assertThatThrownBy(() -> FeedbackRuleRegistry.standard().create("pall", RuleParameters.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown feedback rule 'pall'; known: bp, dfa, fa, kolen_pollack, pal, sign_symmetry, weight_mirror");
    }

    @Test
    void duplicateRegistrationIsRejected() {
        FeedbackRuleRegistry r = FeedbackRuleRegistry.standard();
        assertThatThrownBy(() -> r.register("fa", p -> new FeedbackAlignment())).hasMessageContaining("already registered");
    }

    @Test
    void palIsBuiltFromItsSettings() {
        FeedbackRule rule = FeedbackRuleRegistry.standard().create("pal", MapRuleParameters.of(PAL));
        assertThat(rule).isInstanceOf(PhaselessAlignment.class);
        PhaselessAlignment pal = (PhaselessAlignment) rule;
        assertThat(pal.noise()).isPresent();
        assertThat(pal.noise().orElseThrow().refreshSteps(0.01)).isEqualTo(1);
        assertThat(pal.highPassTau()).isEqualTo(0.1);
        assertThat(pal.forwardLowPassTau()).isEqualTo(100.0);
        assertThat(pal.describe()).containsEntry("rule", "pal").containsKey("decay");
        pal.validateFor(ModelKind.MICROCIRCUIT, new int[] {5, 20, 10, 20, 5});
    }

    @Test
    void palWithoutItsNoiseSectionNamesTheMissingKey() {
        assertThatThrownBy(() -> FeedbackRuleRegistry.standard().create("pal", MapRuleParameters.of(Map.of())))
                .hasMessageContaining("noise");
    }

    @Test
    void palSettingsMustFitTheNetwork() {
        PhaselessAlignment pal = (PhaselessAlignment) FeedbackRuleRegistry.standard().create("pal", MapRuleParameters.of(PAL));
        assertThatThrownBy(() -> pal.validateFor(ModelKind.MICROCIRCUIT, new int[] {1, 1, 1}))
                .hasMessageContaining("learning_rates has 3 entries; the network has 1 feedback projections");
        // LE networks accept one σ per population or one per hidden population
        assertThatThrownBy(() -> pal.validateFor(ModelKind.LE_NETWORK, new int[] {784, 200, 2, 200, 784, 10}))
                .hasMessageContaining("learning_rates");
    }

    @Test
    void negativeDecayIsRejected() {
        ExploratoryNoise noise = new ExploratoryNoise(new double[] {0.01}, 0.1, 0);
        assertThatThrownBy(() -> new PhaselessAlignment(noise, 0.1, new double[] {1}, new double[] {-1}, 0))
                .hasMessageContaining("decay");
    }

    @Test
    void rulesActOnProjectionsAccordingToTheirRole() {
        RecordingProjection p = new RecordingProjection();
        new Backprop().initialise(p, null);
        new Backprop().update(p, 0.01, false);
        assertThat(p.log).isEqualTo("tie;tie;");
        p.log = "";
        new FeedbackAlignment().update(p, 0.01, true);
        assertThat(p.log).isEmpty();
        PhaselessAlignment pal = (PhaselessAlignment) FeedbackRuleRegistry.standard().create("pal", MapRuleParameters.of(PAL));
        pal.update(p, 0.01, false);
        assertThat(p.log).as("no feedback learning while switched off").isEmpty();
        pal.update(p, 0.01, true);
        assertThat(p.log).isEqualTo("learn(NOISE,HIGH_PASSED_RATES,0.5,1.0E-5);");
        p.log = "";
        new SignSymmetry().initialise(p, null);
        new SignSymmetry().update(p, 0.01, false);
        assertThat(p.log).isEqualTo("set(SCALED_SIGN_OF_TRANSPOSE);set(SCALED_SIGN_OF_TRANSPOSE);");
    }

    @Test
    void weightMirrorLearnsFromNoiseAndRatesInItsMirrorPhases() {
        Map<String, Object> settings = new java.util.HashMap<>(PAL);
        settings.put("schedule.period", 1.0);
        settings.put("schedule.duration", 0.25);
        WeightMirror wm = (WeightMirror) FeedbackRuleRegistry.standard().create("weight_mirror",
                MapRuleParameters.of(settings));
        assertThat(wm.schedule().orElseThrow().active(24, 0.01)).isTrue();
        assertThat(wm.schedule().orElseThrow().active(25, 0.01)).isFalse();
        assertThat(wm.schedule().orElseThrow().active(100, 0.01)).isTrue();
        RecordingProjection p = new RecordingProjection();
        wm.update(p, 0.01, false);
        assertThat(p.log).isEmpty();
        wm.update(p, 0.01, true);
        assertThat(p.log).isEqualTo("learn(NOISE,RATES,0.5,1.0E-5);");
        settings.put("schedule.duration", 2.0);
        assertThatThrownBy(() -> FeedbackRuleRegistry.standard().create("weight_mirror", MapRuleParameters.of(settings)))
                .hasMessageContaining("schedule.duration must be > 0 and <= schedule.period");
    }

    @Test
    void kolenPollackLearnsTheForwardUpdateOnlyWhileWLearns() {
        RecordingProjection p = new RecordingProjection();
        KolenPollack kp = (KolenPollack) FeedbackRuleRegistry.standard().create("kolen_pollack",
                MapRuleParameters.of(Map.of("decay", 0.5)));
        kp.initialise(p, null);
        p.forwardRate = 0;
        kp.update(p, 0.1, true);
        assertThat(p.log).as("W frozen: B keeps its value").isEqualTo("draw;");
        p.forwardRate = 2;
        kp.update(p, 0.1, false);
        // rate 1: B gets ΔWᵀ itself; decay η·dt·λ = 2·0.1·0.5 per step, the same as W's
        assertThat(p.log).isEqualTo("draw;learn(RATES,FORWARD_UPDATE,1.0,0.1);");
        assertThat(kp.forwardDecay()).isEqualTo(0.5);
        assertThatThrownBy(() -> FeedbackRuleRegistry.standard().create("kolen_pollack", MapRuleParameters.of(Map.of())))
                .hasMessageContaining("decay");
        assertThatThrownBy(() -> new KolenPollack(-1)).hasMessageContaining("decay");
    }

    private static final class RecordingProjection implements FeedbackProjection {
        String log = "";

        @Override
        public int layer() {
            return 2;
        }

        double forwardRate;

        @Override
        public void setFromForward(ForwardImage image) {
            log += image == ForwardImage.TRANSPOSE ? "tie;" : "set(" + image + ");";
        }

        @Override
        public double forwardLearningRate() {
            return forwardRate;
        }

        @Override
        public void drawRandomFeedback(org.apache.commons.rng.UniformRandomProvider rng) {
            log += "draw;";
        }

        @Override
        public void learnFromCorrelation(FeedbackSignal below, FeedbackSignal above, double rate, double decay) {
            log += "learn(" + below + "," + above + "," + rate + "," + decay + ");";
        }
    }
}
