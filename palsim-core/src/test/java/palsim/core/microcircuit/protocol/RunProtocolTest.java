package palsim.core.microcircuit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunProtocolTest {

    @Test
    void paperTimingGivesTheSpecsStepCounts() {
        RunProtocol p = new RunProtocol(100, 1, 100, 100, 1000);
        assertThat(p.settlingSteps(0.01)).isEqualTo(10_000);
        assertThat(p.stepsPerSample(0.01)).isEqualTo(100);
        assertThat(p.stepsPerEpoch(0.01)).isEqualTo(10_000);
    }

    @Test
    void timesThatAreNotWholeStepsAreRejectedByName() {
        RunProtocol p = new RunProtocol(100, 0.015, 100, 1, 10);
        assertThatThrownBy(() -> p.validateFor(0.01)).hasMessageContaining("tpres = 0.015 is not a whole number of steps");
        assertThatThrownBy(() -> new RunProtocol(100, 0.001, 10, 1, 10).stepsPerSample(0.01))
                .hasMessageContaining("tpres");
    }

    @Test
    void badSettingsNameTheirField() {
        assertThatThrownBy(() -> new RunProtocol(-1, 1, 1, 1, 1)).hasMessageStartingWith("settling_time");
        assertThatThrownBy(() -> new RunProtocol(1, 0, 1, 1, 1)).hasMessageStartingWith("tpres");
        assertThatThrownBy(() -> new RunProtocol(1, 1, 0, 1, 1)).hasMessageStartingWith("dataset_size");
        assertThatThrownBy(() -> new RunProtocol(1, 1, 1, -1, 1)).hasMessageStartingWith("epochs");
        assertThatThrownBy(() -> new RunProtocol(1, 1, 1, 1, 0)).hasMessageStartingWith("rec_per_steps");
    }
}
