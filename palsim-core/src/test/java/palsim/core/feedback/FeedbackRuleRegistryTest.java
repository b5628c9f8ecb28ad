package palsim.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackRuleRegistryTest {

    /** Parameters from a flat map with dotted keys, enough for the PAL factory. */
    private static RuleParameters params(Map<String, Object> values, String prefix) {
        return new RuleParameters() {
            private Object get(String key) {
                Object v = values.get(prefix + key);
                if (v == null) {
                    throw new IllegalArgumentException("missing key '" + prefix + key + "'");
                }
                return v;
            }

            @Override
            public double number(String key) {
                return (Double) get(key);
            }

            @Override
            public double number(String key, double defaultValue) {
                return values.containsKey(prefix + key) ? (Double) get(key) : defaultValue;
            }

            @Override
            public double[] numbers(String key) {
                return (double[]) get(key);
            }

            @Override
            public RuleParameters section(String key) {
                return params(values, prefix + key + ".");
            }
        };
    }

    private static final Map<String, Object> PAL = Map.of(
            "noise.std", new double[] {0.05, 0.05, 0.05},
            "noise.tau", 0.1,
            "tau_high_pass", 0.1,
            "learning_rates", new double[] {50, 50, 50},
            "decay", new double[] {1e-5, 1e-5, 1e-5},
            "tau_forward_low_pass", 100.0);

    @Test
    void standardRegistryKnowsTheFourRules() {
        assertThat(FeedbackRuleRegistry.standard().names()).containsExactly("bp", "dfa", "fa", "pal");
    }

    @Test
    void unknownRuleNameIsRejectedWithKnownNames() {
        assertThatThrownBy(() -> FeedbackRuleRegistry.standard().create("pall", RuleParameters.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown feedback rule 'pall'; known: bp, dfa, fa, pal");
    }

    @Test
    void duplicateRegistrationIsRejected() {
        FeedbackRuleRegistry r = FeedbackRuleRegistry.standard();
        assertThatThrownBy(() -> r.register("fa", p -> new FeedbackAlignment())).hasMessageContaining("already registered");
    }

    @Test
    void palIsBuiltFromItsSettings() {
        FeedbackRule rule = FeedbackRuleRegistry.standard().create("pal", params(PAL, ""));
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
        assertThatThrownBy(() -> FeedbackRuleRegistry.standard().create("pal", params(Map.of(), "")))
                .hasMessageContaining("noise");
    }

    @Test
    void palSettingsMustFitTheNetwork() {
        PhaselessAlignment pal = (PhaselessAlignment) FeedbackRuleRegistry.standard().create("pal", params(PAL, ""));
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
    void dfaIsOnlyAvailableForLeNetworks() {
        FeedbackRule dfa = new DirectFeedbackAlignment();
        dfa.validateFor(ModelKind.LE_NETWORK, new int[] {4, 3, 2});
        assertThatThrownBy(() -> dfa.validateFor(ModelKind.MICROCIRCUIT, new int[] {4, 3, 2}))
                .hasMessage("feedback rule 'dfa' is not available for the microcircuit model");
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
        PhaselessAlignment pal = (PhaselessAlignment) FeedbackRuleRegistry.standard().create("pal", params(PAL, ""));
        pal.update(p, 0.01, false);
        assertThat(p.log).as("no feedback learning while switched off").isEmpty();
        pal.update(p, 0.01, true);
        assertThat(p.log).isEqualTo("learn(0.5,1.0E-5);");
    }

    private static final class RecordingProjection implements FeedbackProjection {
        String log = "";

        @Override
        public int layer() {
            return 2;
        }

        @Override
        public void tieToForward() {
            log += "tie;";
        }

        @Override
        public void drawRandomFeedback(org.apache.commons.rng.UniformRandomProvider rng) {
            log += "draw;";
        }

        @Override
        public void learnFromNoise(double rate, double decay) {
            log += "learn(" + rate + "," + decay + ");";
        }
    }
}
