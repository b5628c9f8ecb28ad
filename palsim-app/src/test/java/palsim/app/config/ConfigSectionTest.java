package palsim.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.FeedbackRuleRegistry;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.neuron.Activation;

class ConfigSectionTest {

    private static ConfigSection root(String yaml) {
        return ConfigDocument.parse(yaml, "test.yaml").root();
    }

    private static void assertInputError(Runnable read, String message) {
        assertThatThrownBy(read::run).isInstanceOf(InputException.class).hasMessage(message);
    }

    @Test
    void typedGettersReadWhatTheYamlSays() {
        ConfigSection c = root("""
                n: 3
                big: 12345678901
                x: 0.25
                tiny: 1e-5
                on: true
                name: fig1b
                list: [1, 2, 3]
                seeds: [123, 456]
                values: [0.5, 1, 2e-3]
                words: [a, b]
                """);
        assertThat(c.integer("n")).isEqualTo(3);
        assertThat(c.longInteger("big")).isEqualTo(12345678901L);
        assertThat(c.number("x")).isEqualTo(0.25);
        assertThat(c.number("tiny")).isEqualTo(1e-5);
        assertThat(c.flag("on")).isTrue();
        assertThat(c.string("name")).isEqualTo("fig1b");
        assertThat(c.integers("list")).containsExactly(1, 2, 3);
        assertThat(c.longIntegers("seeds", Bounds.any())).containsExactly(123L, 456L);
        assertThat(c.numbers("values")).containsExactly(0.5, 1.0, 2e-3);
        assertThat(c.strings("words")).containsExactly("a", "b");
    }

    @Test
    void integerRejectsTextNamingTheKeyAndTheValue() {
        assertInputError(() -> root("epochs: ten").integer("epochs"), "epochs: expected an integer, got \"ten\"");
    }

    @Test
    void integerAcceptsAnIntegralFloatButNotAFraction() {
        assertThat(root("steps: 1e6").integer("steps")).isEqualTo(1_000_000);
        assertInputError(() -> root("steps: 2.5").integer("steps"), "steps: expected an integer, got 2.5");
        assertInputError(() -> root("steps: 1e10").integer("steps"),
                "steps: expected an integer between -2147483648 and 2147483647, got 10000000000");
    }

    @Test
    void numberRejectsTextAndListsAndSections() {
        assertInputError(() -> root("dt: fast").number("dt"), "dt: expected a number, got \"fast\"");
        assertInputError(() -> root("dt: [1]").number("dt"), "dt: expected a number, got a list");
        assertInputError(() -> root("dt: {a: 1}").number("dt"), "dt: expected a number, got a section");
    }

    @Test
    void outOfRangeValueNamesTheBound() {
        assertInputError(() -> root("dt: 0").number("dt", Bounds.positive()), "dt: must be > 0, got 0");
        assertInputError(() -> root("p: 1.5").number("p", Bounds.between(0, 1)), "p: must be between 0 and 1, got 1.5");
    }

    @Test
    void outOfRangeListEntryNamesItsFullPathAndIndex() {
        ConfigSection noise = root("rules: {pal: {noise: {std: [0.1, -0.1]}}}").section("rules").section("pal").section("noise");
        assertInputError(() -> noise.numbers("std", Bounds.nonNegative()), "rules.pal.noise.std[1]: must be >= 0, got -0.1");
    }

    @Test
    void missingRequiredKeyIsNamedWithItsPath() {
        ConfigSection model = root("model: {dt: 0.1}").section("model");
        assertInputError(() -> model.integers("layers"), "model.layers: required key is missing");
        assertInputError(() -> root("model: {layrs: [1]}").section("model").integers("layers"),
                "model.layers: required key is missing (found 'layrs': a typo?)");
        assertInputError(() -> root("a: 1").section("model"), "model: required section is missing");
    }

    @Test
    void usedDefaultsAreWrittenIntoTheTree() {
        ConfigDocument doc = ConfigDocument.parse("model: {dt: 0.1}\n", "test.yaml");
        ConfigSection model = doc.root().section("model");
        assertThat(model.number("dt", 0.01)).isEqualTo(0.1);
        assertThat(model.number("tau", 10.0, Bounds.positive())).isEqualTo(10.0);
        assertThat(model.integers("layers", new int[] {5, 20, 5}, Bounds.positive())).containsExactly(5, 20, 5);
        assertThat(model.choice("activation", Activation.LOGISTIC, Activation::configName)).isEqualTo(Activation.LOGISTIC);
        assertThat(model.flag("prospective", true)).isTrue();
        assertThat(doc.root().sectionOrEmpty("protocol").integer("record_every", 1000)).isEqualTo(1000);
        doc.rejectUnknownKeys();
        assertThat(doc.toYaml()).isEqualTo("""
                model:
                  dt: 0.1
                  tau: 10.0
                  layers: [5, 20, 5]
                  activation: logistic
                  prospective: true
                protocol:
                  record_every: 1000
                """);
    }

    @Test
    void nullValueCountsAsAbsent() {
        ConfigDocument doc = ConfigDocument.parse("epochs:\nrules:\n  bp:\n", "test.yaml");
        assertThat(doc.root().integer("epochs", 7)).isEqualTo(7);
        assertThat(doc.root().section("rules").section("bp").keys()).isEmpty();
        assertInputError(() -> ConfigDocument.parse("epochs:\n", "t").root().integer("epochs"), "epochs: required key is missing");
        assertThat(doc.toYaml()).isEqualTo("epochs: 7\nrules:\n  bp: {}\n");
    }

    @Test
    void choiceRejectsUnknownValuesListingTheKnownOnes() {
        assertInputError(() -> root("activation: tahn").choice("activation", Activation.class, Activation::configName),
                "activation: unknown value 'tahn' (known: linear, relu, softplus, logistic, tanh, hard_sigmoid, clamp01)");
        assertInputError(() -> root("mode: fast").choice("mode", List.of("full", "feedforward")),
                "mode: unknown value 'fast' (known: full, feedforward)");
        assertThat(root("mode: feedforward").choice("mode", List.of("full", "feedforward"))).isEqualTo("feedforward");
    }

    @Test
    void stringRejectsNumbersWithAHintToQuote() {
        assertInputError(() -> root("name: 123").string("name"), "name: expected a string, got 123 (put it in quotes to use it as text)");
    }

    @Test
    void ruleSectionBuildsTheRuleCoreWouldBuild() {
        ConfigSection rules = root("""
                rules:
                  pal:
                    noise: {std: [0.05, 0.05], tau: 0.1, refresh_interval: 0.01}
                    tau_high_pass: 0.1
                    learning_rates: [50, 50]
                    decay: [1e-5, 1e-5]
                    tau_forward_low_pass: 100
                  bp:
                """).section("rules");
        FeedbackRuleRegistry registry = FeedbackRuleRegistry.standard();
        FeedbackRule pal = rules.createRule("pal", registry);
        assertThat(pal).isEqualTo(new PhaselessAlignment(new ExploratoryNoise(new double[] {0.05, 0.05}, 0.1, 0.01), 0.1,
                new double[] {50, 50}, new double[] {1e-5, 1e-5}, 100));
        assertThat(rules.createRule("bp", registry).name()).isEqualTo("bp");
    }

    @Test
    void coreValidationMessagesGetTheSectionPathPrefixed() {
        ConfigSection rules = root("""
                rules:
                  pal:
                    noise: {std: [0.05], tau: 0.1}
                    tau_high_pass: 0
                    learning_rates: [50]
                    decay: [1e-5]
                """).section("rules");
        assertInputError(() -> rules.createRule("pal", FeedbackRuleRegistry.standard()),
                "rules.pal.tau_high_pass must be > 0, got 0.0");
    }

    @Test
    void missingRuleSettingIsNamedWithItsFullPath() {
        ConfigSection rules = root("rules: {pal: {noise: {std: [0.05], tau: 0.1}}}").section("rules");
        assertInputError(() -> rules.createRule("pal", FeedbackRuleRegistry.standard()), "rules.pal.tau_high_pass: required key is missing");
    }

    @Test
    void unknownRuleIsRejectedWithTheKnownRules() {
        assertInputError(() -> root("rules: {pall: {}}").section("rules").createRule("pall", FeedbackRuleRegistry.standard()),
                "rules.pall: unknown feedback rule 'pall' (known: bp, dfa, fa, kolen_pollack, pal, sign_symmetry, weight_mirror);"
                        + " an entry of another name gives its rule as type: NAME");
    }

    @Test
    void anEntryOfAnotherNameGivesItsRuleAsType() {
        ConfigSection rules = root("rules: {pal_eta0: {type: fa}, odd: {type: pall}}").section("rules");
        assertThat(rules.createRule("pal_eta0", FeedbackRuleRegistry.standard()).name()).isEqualTo("fa");
        assertInputError(() -> rules.createRule("odd", FeedbackRuleRegistry.standard()),
                "rules.odd.type: unknown feedback rule 'pall' (known: bp, dfa, fa, kolen_pollack, pal, sign_symmetry, weight_mirror);"
                        + " an entry of another name gives its rule as type: NAME");
    }

    @Test
    void validatedPrefixesKeysOrTheSectionPath() {
        ConfigSection model = root("model: {layers: [1, -3]}").section("model");
        assertInputError(() -> model.validated(() -> {
            throw new IllegalArgumentException("layers[1] must be > 0, got -3");
        }), "model.layers[1] must be > 0, got -3");
        assertInputError(() -> model.validated(() -> {
            throw new IllegalArgumentException("the network needs 3 layers");
        }), "model: the network needs 3 layers");
        assertInputError(() -> model.check(() -> {
            throw new IllegalArgumentException("dt: must be > 0");
        }), "model: dt: must be > 0");
    }

    @Test
    void sectionsOfAListAreIndexedInMessages() {
        List<ConfigSection> items = root("items: [{n: 1}, {n: x}]").sections("items");
        assertThat(items.get(0).integer("n")).isEqualTo(1);
        assertInputError(() -> items.get(1).integer("n"), "items[1].n: expected an integer, got \"x\"");
    }
}
