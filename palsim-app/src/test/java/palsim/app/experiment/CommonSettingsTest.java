package palsim.app.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;

class CommonSettingsTest {

    private static CommonSettings parse(String yaml) {
        return CommonSettings.parse(ConfigDocument.parse(yaml, "c.yaml").root());
    }

    @Test
    void readsTaskDescriptionSeedsInOrderAndEpochs() {
        CommonSettings c = parse("task: t\ndescription: d\nseeds: [123, 456, 1]\nepochs: 100\n");
        assertThat(c.task()).isEqualTo("t");
        assertThat(c.description()).isEqualTo("d");
        assertThat(c.seeds()).containsExactly(123L, 456L, 1L);
        assertThat(c.seedIndex(1)).isEqualTo(2);
        assertThat(c.epochs()).isEqualTo(100);
        assertThat(parse("task: t\nseeds: [1]\nepochs: 1\n").description()).isEmpty();
    }

    @Test
    void seedsMustBeANonEmptyListOfDistinctNonNegativeIntegers() {
        assertThatThrownBy(() -> parse("task: t\nseeds: []\nepochs: 1\n")).isInstanceOf(InputException.class)
                .hasMessage("seeds: needs at least one seed");
        assertThatThrownBy(() -> parse("task: t\nseeds: [1, -2]\nepochs: 1\n")).hasMessage("seeds[1]: must be >= 0, got -2");
        assertThatThrownBy(() -> parse("task: t\nseeds: [4, 4]\nepochs: 1\n")).hasMessage("seeds[1]: seed 4 is listed twice");
        assertThatThrownBy(() -> parse("task: t\nseeds: 4\nepochs: 1\n")).hasMessage("seeds: expected a list, got 4");
    }

    @Test
    void epochsMustBePositive() {
        assertThatThrownBy(() -> parse("task: t\nseeds: [1]\nepochs: 0\n")).hasMessage("epochs: must be >= 1, got 0");
    }
}
