package palsim.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import palsim.app.InputException;

class ConfigAssignmentTest {
    private static final String YAML = """
            task: t
            epochs: 3
            model:
              layers: [3, 4, 2]
              dt: 0.1
            rules:
              bp: {}
            """;

    private static String set(String... assignments) {
        ConfigDocument doc = ConfigDocument.parse(YAML, "c.yaml");
        for (String a : assignments) {
            doc.apply(ConfigAssignment.parse(a));
        }
        return doc.toYaml();
    }

    @Test
    void replacesANestedValueInPlaceWithTheFilesTypes() {
        assertThat(set("model.dt=0.05", "epochs=5")).startsWith("task: t\nepochs: 5\nmodel:\n  layers: [3, 4, 2]\n  dt: 0.05\n");
        ConfigDocument doc = ConfigDocument.parse(YAML, "c.yaml");
        doc.apply(ConfigAssignment.parse("epochs=1e3"));
        assertThat(doc.root().integer("epochs")).isEqualTo(1000);
    }

    @Test
    void listsSectionsAndListEntries() {
        assertThat(set("model.layers=[5, 6, 7, 8]")).contains("  layers: [5, 6, 7, 8]\n");
        assertThat(set("model.layers[1]=9")).contains("  layers: [3, 9, 2]\n");
        assertThat(set("rules.pal={tau_high_pass: 0.1, learning_rates: [10, 10]}"))
                .contains("  pal:\n    tau_high_pass: 0.1\n    learning_rates: [10, 10]\n");
    }

    @Test
    void missingSectionsAreCreatedAndAnEmptyValueMeansNotGiven() {
        assertThat(set("protocol.noise.tau=2")).endsWith("protocol:\n  noise:\n    tau: 2\n");
        ConfigDocument doc = ConfigDocument.parse(YAML, "c.yaml");
        doc.apply(ConfigAssignment.parse("model.dt="));
        assertThat(doc.root().section("model").number("dt", 0.25)).isEqualTo(0.25);
    }

    @Test
    void stringsAreYamlScalarsAsInTheFile() {
        assertThat(set("model.activation=tanh", "task=fake walk")).contains("  activation: tanh\n").startsWith("task: \"fake walk\"\n");
    }

    @Test
    void badFormsAndPathsNameTheOption() {
        assertThatThrownBy(() -> ConfigAssignment.parse("model.dt")).isInstanceOf(InputException.class)
                .hasMessage("--set model.dt: expected KEY=VALUE, e.g. --set model.dt=0.01");
        assertThatThrownBy(() -> ConfigAssignment.parse("=3")).hasMessageStartingWith("--set =3: expected KEY=VALUE");
        assertThatThrownBy(() -> ConfigAssignment.parse("model..dt=3"))
                .hasMessageStartingWith("--set model..dt=3: 'model..dt' is not a key path");
        assertThatThrownBy(() -> ConfigAssignment.parse("model.layers=[1, 2"))
                .hasMessageStartingWith("--set model.layers: not valid YAML: ");
    }

    @Test
    void pathsThatDoNotFitTheConfigAreReported() {
        assertThatThrownBy(() -> set("model.dt.x=1")).isInstanceOf(InputException.class)
                .hasMessage("--set model.dt.x: model.dt is 0.1, not a section");
        assertThatThrownBy(() -> set("model.layers[3]=1")).hasMessage("--set model.layers[3]: model.layers has 3 entries, no index 3");
        assertThatThrownBy(() -> set("model.dt[0]=1")).hasMessage("--set model.dt[0]: model.dt is 0.1, not a list");
    }

    @Test
    void anUnknownKeyFromSetIsReportedAsComingFromSet() {
        ConfigDocument doc = ConfigDocument.parse("model:\n  dt: 0.1\n  layrs: 3\n", "c.yaml");
        doc.apply(ConfigAssignment.parse("model.dtt=0.1"));
        doc.root().section("model").number("dt");
        assertThatThrownBy(doc::rejectUnknownKeys).isInstanceOf(InputException.class)
                .hasMessage("c.yaml: unknown key 'model.layrs' (known: dt) and 1 more unknown key (model.dtt)");
        ConfigDocument fromSet = ConfigDocument.parse("model:\n  dt: 0.1\n", "c.yaml");
        fromSet.apply(ConfigAssignment.parse("model.dtt=0.1"));
        fromSet.root().section("model").number("dt");
        assertThatThrownBy(fromSet::rejectUnknownKeys).hasMessage("--set: unknown key 'model.dtt' (known: dt)");
    }
}
