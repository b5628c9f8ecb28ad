package palsim.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind of figure is captioned with what its marks mean. */
class ReportCaptionsTest {
    @Test
    void curvesBarsMatricesAndPlanesEachSayWhatTheyDraw() {
        assertThat(ReportDocument.caption("val_acc")).contains("band: ± std over seeds").contains("thin lines");
        assertThat(ReportDocument.caption("test_acc")).contains("whiskers").doesNotContain("band");
        assertThat(ReportDocument.caption("confusion")).contains("true classes").doesNotContain("band");
        assertThat(ReportDocument.caption("yinyang_plane")).contains("crosses mark errors");
        assertThat(ReportDocument.caption("accuracy_vs_hidden")).contains("dots: single seeds");
        assertThat(ReportDocument.caption("latents")).isEmpty();
    }
}
