package palsim.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.experiment.Experiments;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunOverrides;

class PresetCatalogTest {
    private final PresetCatalog testPresets = new PresetCatalog(getClass().getClassLoader(), "test-presets");

    @Test
    void namesAreTheYamlFilesOfTheFolder() {
        assertThat(testPresets.names()).containsExactly("broken", "fake-demo");
    }

    @Test
    void descriptionIsTheFirstLineOfTheDescriptionKey() {
        assertThat(testPresets.description("fake-demo")).isEqualTo("A random walk standing in for an experiment (tests only).");
    }

    @Test
    void loadedPresetIsNamedAfterItsFile() {
        assertThat(testPresets.load("fake-demo").sourceName()).isEqualTo("fake-demo.yaml");
        assertThatThrownBy(() -> testPresets.load("broken")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("broken.yaml: not valid YAML");
    }

    @Test
    void unknownOrPathLikeNamesAreUnknownPresets() {
        for (String name : new String[] {"fig0", "../test-presets/fake-demo", "test-presets/fake-demo", ""}) {
            assertThatThrownBy(() -> testPresets.text(name)).isInstanceOf(InputException.class)
                    .hasMessage("unknown preset '" + name + "' (known: broken, fake-demo)");
        }
    }

    @Test
    void emptyCatalogSaysSo() {
        PresetCatalog none = new PresetCatalog(getClass().getClassLoader(), "no-such-folder");
        assertThat(none.names()).isEmpty();
        assertThatThrownBy(() -> none.text("fig1b")).hasMessage("unknown preset 'fig1b' (known: none installed)");
    }

    /**
     * Every preset palsim ships parses with the shipped experiments and has no unknown keys — so a
     * preset can never fail on a user's machine for a reason a test could have caught.
     */
    @Test
    void everyShippedPresetParsesCompletely() {
        PresetCatalog shipped = PresetCatalog.standard();
        ExperimentRunner runner = new ExperimentRunner(Experiments.standard());
        for (String name : shipped.names()) {
            assertThat(shipped.description(name)).as("description of preset %s", name).isNotBlank();
            runner.prepare(shipped.load(name), RunOverrides.none());
        }
    }
}
