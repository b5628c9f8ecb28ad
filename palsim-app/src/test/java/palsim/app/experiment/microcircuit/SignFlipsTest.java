package palsim.app.experiment.microcircuit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignFlipsTest {

    @Test
    void flipEpochIsTheStartOfTheFinalRunOfAgreement() {
        assertThat(SignFlips.lastingAgreementEpoch(new boolean[] {false, false, true, true})).isEqualTo(2);
        assertThat(SignFlips.lastingAgreementEpoch(new boolean[] {false, true, false, true, true})).isEqualTo(3);
        assertThat(SignFlips.lastingAgreementEpoch(new boolean[] {true, true})).isZero();
    }

    @Test
    void aWeightThatEndsWithTheWrongSignNeverFlipped() {
        assertThat(SignFlips.lastingAgreementEpoch(new boolean[] {false, true, true, false})).isNull();
        assertThat(SignFlips.lastingAgreementEpoch(new boolean[] {false})).isNull();
        assertThat(SignFlips.lastingAgreementEpoch(new boolean[0])).isNull();
    }

    @Test
    void agreementIsAPositiveFrobeniusProductAndSignAgreementFor1x1() {
        assertThat(SignFlips.agrees(new double[] {-0.3}, new double[] {2})).isFalse();
        assertThat(SignFlips.agrees(new double[] {0.3}, new double[] {2})).isTrue();
        assertThat(SignFlips.agrees(new double[] {0}, new double[] {2})).isFalse();
        assertThat(SignFlips.agrees(new double[] {1, -0.5}, new double[] {1, 1})).isTrue();
        assertThat(SignFlips.agrees(new double[] {1, -1.5}, new double[] {1, 1})).isFalse();
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        // [[1, 2, 3], [4, 5, 6]] → [[1, 4], [2, 5], [3, 6]]
        assertThat(SignFlips.transpose(new double[] {1, 2, 3, 4, 5, 6}, 2, 3)).containsExactly(1, 4, 2, 5, 3, 6);
    }
}
