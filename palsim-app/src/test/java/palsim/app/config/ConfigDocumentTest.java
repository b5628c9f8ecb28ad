package palsim.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.InputException;

class ConfigDocumentTest {
    @TempDir
    Path dir;

    @Test
    void unreadKeyIsRejectedWithTheKeysItsSectionKnows() {
        ConfigDocument doc = ConfigDocument.parse("model:\n  dt: 0.1\n  layrs: [1]\n  layers: [1, 2]\nseeds: [1]\n", "fig1b.yaml");
        ConfigSection model = doc.root().section("model");
        model.number("dt");
        model.integers("layers");
        model.string("activation", "logistic");
        doc.root().longIntegers("seeds", Bounds.any());
        assertThatThrownBy(doc::rejectUnknownKeys).isInstanceOf(InputException.class)
                .hasMessage("fig1b.yaml: unknown key 'model.layrs' (known: activation, dt, layers)");
    }

    @Test
    void choicesReadAListOfConstantsAndNameTheEntryThatIsUnknown() {
        ConfigDocument doc = ConfigDocument.parse("model:\n  ok: [tanh, relu]\n  bad: [tanh, tahn]\n  num: [tanh, 3]\n",
                "x.yaml");
        ConfigSection model = doc.root().section("model");
        assertThat(model.choices("ok", palsim.core.neuron.Activation.class, palsim.core.neuron.Activation::configName))
                .containsExactly(palsim.core.neuron.Activation.TANH, palsim.core.neuron.Activation.RELU);
        assertThatThrownBy(() -> model.choices("bad", palsim.core.neuron.Activation.class,
                palsim.core.neuron.Activation::configName)).isInstanceOf(InputException.class)
                .hasMessage("model.bad[1]: unknown value 'tahn' (known: linear, relu, softplus, logistic, tanh, "
                        + "hard_sigmoid, clamp01)");
        assertThatThrownBy(() -> model.choices("num", palsim.core.neuron.Activation.class,
                palsim.core.neuron.Activation::configName)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("model.num[1]: expected a string, got 3");
    }

    @Test
    void allUnknownKeysAreCountedInTheMessage() {
        ConfigDocument doc = ConfigDocument.parse("a: 1\nb: 2\nc: 3\n", "x.yaml");
        doc.root().integer("b");
        assertThatThrownBy(doc::rejectUnknownKeys).hasMessage("x.yaml: unknown key 'a' (known: b) and 1 more unknown key (c)");
    }

    @Test
    void unknownKeysInListsOfSectionsAreFound() {
        ConfigDocument doc = ConfigDocument.parse("items: [{n: 1}, {n: 2, m: 3}]\n", "x.yaml");
        doc.root().sections("items").forEach(s -> s.integer("n"));
        assertThatThrownBy(doc::rejectUnknownKeys).hasMessage("x.yaml: unknown key 'items[1].m' (known: n)");
    }

    @Test
    void sectionNeverOpenedIsNotReportedKeyByKey() {
        ConfigDocument doc = ConfigDocument.parse("model: {a: 1}\n", "x.yaml");
        doc.root().has("model");
        assertThatThrownBy(doc::rejectUnknownKeys).hasMessage("x.yaml: unknown key 'model' (known: none)");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigDocument.load(missing)).isInstanceOf(InputException.class).hasMessage(missing + ": no such file");
    }

    @Test
    void directoryIsNotAConfig() {
        assertThatThrownBy(() -> ConfigDocument.load(dir)).hasMessage(dir + ": is a directory, not a config file");
    }

    @Test
    void emptyAndCommentOnlyFilesAreRejected() throws IOException {
        Path empty = Files.writeString(dir.resolve("e.yaml"), "");
        Path comments = Files.writeString(dir.resolve("c.yaml"), "# nothing\n\n");
        assertThatThrownBy(() -> ConfigDocument.load(empty)).hasMessageStartingWith("e.yaml: empty config");
        assertThatThrownBy(() -> ConfigDocument.load(comments)).hasMessageStartingWith("c.yaml: empty config");
    }

    @Test
    void syntaxErrorIsOneLineWithItsPosition() {
        assertThatThrownBy(() -> ConfigDocument.parse("a: [1, 2\nb: 3\n", "bad.yaml")).isInstanceOf(InputException.class)
                .hasMessage("bad.yaml: not valid YAML: expected ',' or ']', but got : (line 2, column 2)");
    }

    @Test
    void duplicateKeyIsRejected() {
        assertThatThrownBy(() -> ConfigDocument.parse("a: 1\na: 2\n", "dup.yaml")).hasMessageStartingWith(
                "dup.yaml: not valid YAML: duplicate key 'a'");
    }

    @Test
    void topLevelMustBeAMapping() {
        assertThatThrownBy(() -> ConfigDocument.parse("- 1\n- 2\n", "l.yaml")).hasMessage(
                "l.yaml: expected key: value lines at the top level, got a list");
        assertThatThrownBy(() -> ConfigDocument.parse("just text\n", "t.yaml")).hasMessage(
                "t.yaml: expected key: value lines at the top level, got \"just text\"");
    }

    @Test
    void resolvedYamlReloadsToAnEqualTree() {
        String yaml = """
                task: fig1b
                description: "Fig. 1b: only B learns\\nlinear regime"
                seeds: [123, 456, 789]
                epochs: 100
                quoted: ["yes", "no", "null", "1e-5", "a: b", "", " padded ", "#hash", "-dash", "ünïcödé"]
                numbers: [1e-5, 1.0E10, 0.1, -0.0, 123456789012, 3.0, 1e300, 4.9e-324]
                flags: [true, false]
                nothing: null
                empty_list: []
                empty_map: {}
                nested:
                  deeper:
                    list_of_maps:
                      - {a: 1, b: [1, 2]}
                      - {c: {d: e}}
                      - []
                    lists: [[1, 2], [3]]
                """;
        ConfigDocument original = ConfigDocument.parse(yaml, "a.yaml");
        String written = original.toYaml("header line\n\nanother");
        assertThat(written).startsWith("# header line\n#\n# another\n");
        ConfigDocument reloaded = ConfigDocument.parse(written, "b.yaml");
        assertThat(reloaded.tree()).isEqualTo(original.tree());
        assertThat(reloaded.toYaml()).isEqualTo(original.toYaml());
        assertThat(Double.doubleToRawLongBits(reloaded.tree().at("/numbers/3").doubleValue()))
                .as("-0.0 keeps its sign").isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void replaceKeepsTheKeyInPlace() {
        ConfigDocument doc = ConfigDocument.parse("task: t\nepochs: 5\nseeds: [1]\n", "x.yaml");
        doc.replace("epochs", com.fasterxml.jackson.databind.node.IntNode.valueOf(2));
        assertThat(doc.toYaml()).isEqualTo("task: t\nepochs: 2\nseeds: [1]\n");
    }
}
