package palsim.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundsTest {

    @Test
    void strictAndInclusiveBoundsDifferOnlyAtTheEdge() {
        assertThat(Bounds.positive().contains(0)).isFalse();
        assertThat(Bounds.positive().contains(Double.MIN_VALUE)).isTrue();
        assertThat(Bounds.nonNegative().contains(0)).isTrue();
        assertThat(Bounds.nonNegative().contains(-Double.MIN_VALUE)).isFalse();
        assertThat(Bounds.between(0, 1).contains(1)).isTrue();
        assertThat(Bounds.between(0, 1).contains(Math.nextUp(1.0))).isFalse();
        assertThat(Bounds.atMost(3).contains(3)).isTrue();
        assertThat(Bounds.greaterThan(3).contains(3)).isFalse();
    }

    @Test
    void everyBoundRejectsNonFiniteValues() {
        for (Bounds b : new Bounds[] {Bounds.any(), Bounds.positive(), Bounds.atMost(1), Bounds.between(-1, 1)}) {
            assertThat(b.contains(Double.NaN)).isFalse();
            assertThat(b.contains(Double.POSITIVE_INFINITY)).isFalse();
            assertThat(b.contains(Double.NEGATIVE_INFINITY)).isFalse();
        }
    }

    @Test
    void requirementReadsLikeTheMath() {
        assertThat(Bounds.positive().requirement()).isEqualTo("must be > 0");
        assertThat(Bounds.atLeast(1).requirement()).isEqualTo("must be >= 1");
        assertThat(Bounds.atMost(0.5).requirement()).isEqualTo("must be <= 0.5");
        assertThat(Bounds.between(0, 1).requirement()).isEqualTo("must be between 0 and 1");
        assertThat(Bounds.any().requirement()).isEqualTo("must be a finite number");
    }

    @Test
    void emptyRangeIsAProgrammingError() {
        assertThatThrownBy(() -> Bounds.between(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
