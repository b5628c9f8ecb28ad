package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;

class RunOverridesTest {

    private static ConfigDocument doc() {
        return ConfigDocument.parse("task: t\nseeds: [5, 6, 7]\nepochs: 100\n", "c.yaml");
    }

    @Test
    void seedsKeepsTheFirstNInConfigOrderAndEpochsReplaces() {
        ConfigDocument doc = doc();
        new RunOverrides(OptionalInt.of(2), OptionalInt.of(3)).applyTo(doc);
        assertThat(doc.toYaml()).isEqualTo("task: t\nseeds: [5, 6]\nepochs: 3\n");
    }

    @Test
    void allSeedsIsAllowed() {
        ConfigDocument doc = doc();
        new RunOverrides(OptionalInt.of(3), OptionalInt.empty()).applyTo(doc);
        assertThat(doc.toYaml()).isEqualTo("task: t\nseeds: [5, 6, 7]\nepochs: 100\n");
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
}
