package palsim.core.microcircuit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputSignalTest {

    @Test
    void uniformSignalIsReproducibleAndInTheUnitInterval() {
        InputSignal a = InputSignal.uniform(123, 100, 5, 100);
        InputSignal b = InputSignal.uniform(123, 100, 5, 100);
        assertThat(a.samples()).isEqualTo(100);
        assertThat(a.width()).isEqualTo(5);
        assertThat(a.stepsPerEpoch()).isEqualTo(10_000);
        for (int s = 0; s < 100; s++) {
            assertThat(a.sample(s)).isEqualTo(b.sample(s));
            for (double v : a.sample(s)) {
                assertThat(v).isBetween(0.0, 1.0);
            }
        }
        assertThat(InputSignal.uniform(124, 100, 5, 100).sample(0)).isNotEqualTo(a.sample(0));
    }

    @Test
    void raggedSamplesAreRejected() {
        assertThatThrownBy(() -> new InputSignal(new double[][] {{1, 2}, {3}}, 10)).hasMessageContaining("sample 1 has 1 values");
    }
}
