package palsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;

/** {@code palsim report}: one run, two runs of one experiment overlaid, a directory of runs, bad input. */
public class ReportCommandTest {
    public static final String WALK = CommandLineErrorsTest.GOOD.replace("  figures: false", "  figures: true");

    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void twoRuns() throws IOException {
        cli = new CliHarness(dir);
        Files.writeString(dir.resolve("walk.yaml"), WALK);
        assertThat(cli.run("run", "walk.yaml", "--out", "runs/a", "--threads", "1").exitCode()).isZero();
        assertThat(cli.run("run", "walk.yaml", "--out", "runs/b", "--threads", "1", "--set", "epochs=2",
                "--set", "rules.pal.decay=[0.2,0.2]").exitCode()).isZero();
    }

    @Test
    void twoRunsOfOneExperimentAreOverlaidWithTheirDifferences() throws IOException {
        var r = cli.run("report", "runs/a", "runs/b", "--out", "rep");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Report of 2 runs: rep/report.html (also report.md, report-figures/ in rep)\n");
        String html = Files.readString(dir.resolve("rep/report.html"));
        // self-contained: inline SVG, a policy that forbids requests, no address to fetch anything from
        assertThat(html).contains("Content-Security-Policy", "default-src 'none'").doesNotContain("src=\"http", "href=\"http");
        assertThat(html).contains("<h2>Experiment: fake-walk</h2>");
        // one overlay per metric, curves labelled by run and rule
        assertThat(html).contains("<figure id=\"fake-walk-overlay-");
        assertThat(Files.list(dir.resolve("rep/report-figures")).map(p -> p.getFileName().toString()))
                .anyMatch(f -> f.startsWith("fake-walk-overlay-") && f.endsWith(".svg"))
                .anyMatch(f -> f.startsWith("a-") && f.endsWith(".svg"))
                .anyMatch(f -> f.startsWith("b-") && f.endsWith(".svg"));
        // every figure has a caption that says what line and band are (and thin lines, where drawn)
        int figures = html.split("<figure ", -1).length - 1;
        assertThat(figures).isGreaterThan(3);
        assertThat(html.split("Line: mean over seeds; band: ± std over seeds", -1).length - 1).isEqualTo(figures);
        // the config differences name the changed keys with both values, and nothing else
        assertThat(html).contains("<h3>Config differences</h3>", "<td>epochs</td><td>3</td><td>2</td>",
                "<td>rules.pal.decay</td><td>[0.1,0.1]</td><td>[0.2,0.2]</td>");
        assertThat(html).doesNotContain("<td>seeds</td><td>");
        // final metrics per run and provenance per run
        assertThat(html).contains("<h3>Final metrics (mean ± std over seeds)</h3>", "<h3>Provenance</h3>",
                "<td>palsim run walk.yaml --out runs/b --threads 1 --set epochs=2 --set &#39;rules.pal.decay=[0.2,0.2]&#39;</td>"
                        .replace("&#39;", "'"));
        String md = Files.readString(dir.resolve("rep/report.md"));
        assertThat(md).contains("## Experiment: fake-walk", "| key | a | b |", "| epochs | 3 | 2 |", "](report-figures/");
    }

    @Test
    void aDirectoryOfRunsIsReportedIntoItself() {
        var r = cli.run("report", "runs");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Report of 2 runs: runs/report.html");
        assertThat(dir.resolve("runs/report.html")).exists();
        assertThat(dir.resolve("runs/report.md")).exists();
    }

    @Test
    void anythingElseIsBadInput() throws IOException {
        var r = cli.run("report", "nowhere");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("palsim: nowhere: no such directory");
        Files.createDirectories(dir.resolve("empty"));
        r = cli.run("report", "empty");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("palsim: empty: not a run directory (no config.yaml) and holds no completed run directories");
        Files.delete(dir.resolve("runs/a/metrics.csv"));
        r = cli.run("report", "runs/a");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("palsim: runs/a: has no metrics.csv to report");
        assertThat(dir.resolve("runs/a/report.html")).doesNotExist();
    }
}
