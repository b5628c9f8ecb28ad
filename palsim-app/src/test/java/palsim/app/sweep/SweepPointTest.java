package palsim.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;

class SweepPointTest {
    private static SweepSpec spec(String sweep) {
        ConfigDocument doc = ConfigDocument.parse("task: t\nseeds: [1]\nepochs: 1\nsweep:\n" + sweep, "s.yaml");
        SweepSpec spec = SweepSpec.takeFrom(doc);
        assertThat(doc.get("sweep")).as("taken out of the config").isNull();
        return spec;
    }

    @Test
    void gridCombinationsFirstKeySlowestEachWithEveryZipPosition() {
        SweepSpec spec = spec("""
                  grid:
                    a: [1, 2]
                    b: [x, y]
                  zip:
                    c: [5, 6]
                    d: [[7, 7], [8, 8]]
                  seeds: [3, 4]
                """);
        assertThat(SweepPoint.of(spec)).extracting(SweepPoint::label).containsExactly(
                "a=1, b=x, c=5, d=[7,7]", "a=1, b=x, c=6, d=[8,8]", "a=1, b=y, c=5, d=[7,7]", "a=1, b=y, c=6, d=[8,8]",
                "a=2, b=x, c=5, d=[7,7]", "a=2, b=x, c=6, d=[8,8]", "a=2, b=y, c=5, d=[7,7]", "a=2, b=y, c=6, d=[8,8]");
        assertThat(SweepPoint.of(spec).get(5).directoryName()).isEqualTo("point-005");
        assertThat(spec.seeds()).contains(java.util.List.of(3L, 4L));
    }

    @Test
    void zipAloneGivesOnePointPerPosition() {
        assertThat(SweepPoint.of(spec("  zip: {model.dt: [0.1, 0.2, 0.3], protocol.k: [1, 2, 3]}\n")))
                .extracting(SweepPoint::label).containsExactly("model.dt=0.1, protocol.k=1", "model.dt=0.2, protocol.k=2",
                        "model.dt=0.3, protocol.k=3");
    }

    @Test
    void badSweepSectionsNameTheKey() {
        assertThatThrownBy(() -> spec("  zip: {a: [1, 2], b: [1]}\n")).isInstanceOf(InputException.class)
                .hasMessage("sweep.zip.b: has 1 values, but sweep.zip.a has 2 (zipped keys vary together)");
        assertThatThrownBy(() -> spec("  grid: {a: []}\n")).hasMessage("sweep.grid.a: expected a non-empty list of values");
        assertThatThrownBy(() -> spec("  grid: {a: 1}\n")).hasMessage("sweep.grid.a: expected a non-empty list of values");
        assertThatThrownBy(() -> spec("  grid: {a: [1]}\n  zip: {a: [2]}\n")).hasMessage("sweep.zip.a: is swept twice");
        assertThatThrownBy(() -> spec("  grid: {seeds: [[1], [2]]}\n")).hasMessage("sweep.grid.seeds: sweep seeds with sweep.seeds");
        assertThatThrownBy(() -> spec("  grdi: {a: [1]}\n")).hasMessage("s.yaml: unknown key 'sweep.grdi' (known: grid, seeds, slurm, zip)");
        assertThatThrownBy(() -> spec("  seeds: [1]\n")).hasMessage("sweep: needs at least one key to sweep, under grid or zip");
        assertThatThrownBy(() -> spec("  grid: {a..b: [1]}\n")).hasMessageStartingWith("sweep.grid.a..b: 'a..b' is not a key path");
        assertThatThrownBy(() -> spec("  grid: {a: [1]}\n  seeds: [-1]\n")).hasMessage("sweep.seeds[0]: expected an integer >= 0, got -1");
        assertThatThrownBy(() -> SweepSpec.takeFrom(ConfigDocument.parse("task: t\n", "s.yaml")))
                .hasMessageStartingWith("s.yaml: no sweep section");
    }
}
