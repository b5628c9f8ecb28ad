package palsim.app.experiment.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatentsCsvTest {

    @Test
    void oneRowPerTestSampleWithEveryLatentUnitWrittenExactly() {
        TestLatents bp = new TestLatents("bp", 3, 6, new float[] {0.1f, -2.5f, 1e-8f, 3f}, new int[] {7, 2}, 2);
        TestLatents pal = new TestLatents("pal", 3, 6, new float[] {0.30000001f, 0f}, new int[] {9}, 2);
        assertThat(LatentsCsv.format(List.of(bp, pal))).isEqualTo("""
                rule,seed,epoch,sample,label,latent_1,latent_2
                bp,3,6,0,7,0.1,-2.5
                bp,3,6,1,2,1.0E-8,3.0
                pal,3,6,0,9,0.3,0.0
                """);
        assertThat(Float.parseFloat("0.3")).isEqualTo(0.30000001f);
    }
}
