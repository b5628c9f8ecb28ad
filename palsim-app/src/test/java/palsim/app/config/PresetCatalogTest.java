package palsim.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void wallTimesComeFromTheTableBesideThePresets() {
        assertThat(testPresets.wallTime("fake-demo")).hasValue("≈ 1 s");
        assertThat(testPresets.wallTime("broken")).isEmpty();
        assertThat(new PresetCatalog(getClass().getClassLoader(), "no-such-folder").wallTimes()).isEmpty();
    }

    /** The one table of measured wall times covers exactly the shipped presets. */
    @Test
    void everyShippedPresetHasAWallTime() {
        PresetCatalog shipped = PresetCatalog.standard();
        assertThat(shipped.wallTimes().keySet()).containsExactlyInAnyOrderElementsOf(shipped.names());
    }

    /** The README's preset table shows the table's wall times, so the two cannot drift apart. */
    @Test
    void readmePresetTableShowsTheShippedWallTimes() throws Exception {
        PresetCatalog shipped = PresetCatalog.standard();
        Map<String, String> shown = new TreeMap<>();
        boolean inPresets = false;
        for (String row : Files.readAllLines(Path.of("..", "README.md"))) {
            if (row.startsWith("## ")) {
                inPresets = row.equals("## Presets");
            }
            String[] cells = row.split("\\|");
            if (inPresets && cells.length > 4 && cells[1].strip().startsWith("`")) {
                Matcher names = Pattern.compile("`([^`]+)`").matcher(cells[1]);
                while (names.find()) {
                    shown.put(names.group(1), cells[cells.length - 1].strip());
                }
            }
        }
        assertThat(shown).isEqualTo(new TreeMap<>(shipped.wallTimes()));
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

    @Test
    void presetsAreFoundInsideAJarLikeTheShippedOne(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"presets/", "presets/alpha.yaml", "presets/notes.txt", "presets/sub/",
                "presets/sub/nested.yaml"}) {
                out.putNextEntry(new JarEntry(name));
                if (name.endsWith(".yaml")) {
                    out.write("task: t\ndescription: Alpha preset\n".getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            PresetCatalog catalog = new PresetCatalog(loader, "presets");
            assertThat(catalog.names()).containsExactly("alpha");
            assertThat(catalog.description("alpha")).isEqualTo("Alpha preset");
        }
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

    /** The rule-comparison presets compare every rule palsim registers, in both models. */
    @Test
    void ruleComparisonPresetsRunEveryRegisteredRule() {
        PresetCatalog shipped = PresetCatalog.standard();
        for (String name : new String[] {"rules-alignment", "rules-mnist-ae-sample"}) {
            java.util.Set<String> rules = new java.util.TreeSet<>();
            shipped.load(name).tree().get("rules").fieldNames().forEachRemaining(rules::add);
            assertThat(rules).as(name).isEqualTo(palsim.core.feedback.FeedbackRuleRegistry.standard().names());
        }
    }
}
