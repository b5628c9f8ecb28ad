package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.config.ConfigAssignment;
import palsim.app.config.ConfigDocument;

class RunOverridesTest {

    private static ConfigDocument doc() {
        return ConfigDocument.parse("task: t\nseeds: [5, 6, 7]\nepochs: 100\n", "c.yaml");
    }

    @Test
    void seedsKeepsTheFirstNInConfigOrderAndEpochsReplaces() {
        ConfigDocument doc = doc();
        new RunOverrides(OptionalInt.of(2), OptionalInt.of(3)).applyTo(doc);
        assertThat(doc.toYaml()).isEqualTo("task: t\nseeds: [5, 6]\nepochs: 3\ndescription: \"\"\n");
    }

    @Test
    void allSeedsIsAllowed() {
        ConfigDocument doc = doc();
        new RunOverrides(OptionalInt.of(3), OptionalInt.empty()).applyTo(doc);
        assertThat(doc.toYaml()).isEqualTo("task: t\nseeds: [5, 6, 7]\nepochs: 100\ndescription: \"\"\n");
    }

    @Test
    void moreSeedsThanListedIsRejected() {
        assertThatThrownBy(() -> new RunOverrides(OptionalInt.of(4), OptionalInt.empty()).applyTo(doc()))
                .isInstanceOf(InputException.class).hasMessage("--seeds: asked for the first 4 seeds, but c.yaml lists 3");
    }

    @Test
    void nonPositiveCountsAreRejected() {
        assertThatThrownBy(() -> new RunOverrides(OptionalInt.of(0), OptionalInt.empty())).hasMessage("--seeds: must be >= 1, got 0");
        assertThatThrownBy(() -> new RunOverrides(OptionalInt.empty(), OptionalInt.of(-1))).hasMessage("--epochs: must be >= 1, got -1");
    }

    @Test
    void setIsAppliedBeforeSeedsAndEpochs() {
        ConfigDocument doc = doc();
        new RunOverrides(OptionalInt.of(1), OptionalInt.of(4), List.of(ConfigAssignment.parse("seeds=[9, 8]"),
                ConfigAssignment.parse("epochs=7"))).applyTo(doc);
        assertThat(doc.toYaml()).isEqualTo("task: t\nseeds: [9]\nepochs: 4\ndescription: \"\"\n");
    }

    @Test
    void epochsAndSeedsNeverHideABadValueOfTheFile() {
        ConfigDocument badEpochs = ConfigDocument.parse("task: t\nseeds: [5, 6, 7]\nepochs: ten\n", "c.yaml");
        assertThatThrownBy(() -> new RunOverrides(OptionalInt.empty(), OptionalInt.of(2)).applyTo(badEpochs))
                .isInstanceOf(InputException.class).hasMessage("epochs: expected an integer, got \"ten\"");
        ConfigDocument badSeed = ConfigDocument.parse("task: t\nseeds: [5, 6, -7]\nepochs: 3\n", "c.yaml");
        assertThatThrownBy(() -> new RunOverrides(OptionalInt.of(1), OptionalInt.empty()).applyTo(badSeed))
                .isInstanceOf(InputException.class).hasMessageStartingWith("seeds[2]: must be >= 0");
    }
}
