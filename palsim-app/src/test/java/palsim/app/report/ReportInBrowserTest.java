package palsim.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palsim.app.testing.CliHarness;
import palsim.app.testing.HeadlessChromium;

/**
 * A report as a reader sees it: opened in a real (headless) Chromium it shows something, every
 * figure is there, the console stays silent and the browser requests nothing beyond the file.
 */
class ReportInBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theReportOpensInChromiumWithEveryFigureAndNoRequests() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, "skipped: no Chromium installed (Debian package 'chromium'; .ci/run installs it)");
        CliHarness cli = new CliHarness(dir);
        Files.writeString(dir.resolve("walk.yaml"), palsim.app.cli.ReportCommandTest.WALK);
        assertThat(cli.run("run", "walk.yaml", "--out", "runs/a", "--threads", "1").exitCode()).isZero();
        assertThat(cli.run("run", "walk.yaml", "--out", "runs/b", "--threads", "1", "--set", "epochs=2").exitCode()).isZero();
        assertThat(cli.run("report", "runs").exitCode()).isZero();
        Path page = dir.resolve("runs/report.html");
        String html = Files.readString(page);
        int figures = count(html, "<figure ");

        Path shot = dir.resolve("shot.png");
        HeadlessChromium.Load load = chromium.load(page, shot, 1400, 2400, Files.createDirectories(dir.resolve("browser")));

        // every figure made it into the rendered page, each with its drawing and caption
        assertThat(figures).isGreaterThan(3);
        assertThat(count(load.dom(), "<figure ")).isEqualTo(figures);
        assertThat(count(load.dom(), "<figcaption>")).isEqualTo(figures);
        assertThat(count(load.dom(), "<svg ")).isGreaterThanOrEqualTo(figures);
        // the console is silent (a blocked request or a script error would be logged there)
        assertThat(load.log().lines().filter(l -> l.contains("CONSOLE")).toList()).isEmpty();
        // no request beyond the page itself (and inline data)
        assertThat(load.netLog()).hasSize(2).allMatch(log -> log.contains("\"events\""), "a network log was written");
        assertThat(pageRequests(load.netLog())).allMatch(u -> u.startsWith("file:") || u.startsWith("data:"),
                "a local file or inline data");
        // the screenshot is not blank: a good share of it is drawn
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).isNotNull();
        assertThat(drawnShare(image)).isGreaterThan(0.02);
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    /**
     * The URLs the page asked for, from Chromium's network logs: requests with an initiator. The
     * browser's own background requests are logged with the initiator "not an origin" and left out.
     */
    private static List<String> pageRequests(List<String> netLogs) throws IOException {
        List<String> urls = new ArrayList<>();
        for (String log : netLogs) {
            JsonNode events = JSON.readTree(log).path("events");
            for (JsonNode e : events) {
                JsonNode p = e.path("params");
                if (p.has("url") && p.has("initiator") && !p.path("initiator").asText().equals("not an origin")) {
                    urls.add(p.path("url").asText());
                }
            }
        }
        return urls;
    }

    /** The share of pixels that are not (nearly) white. */
    private static double drawnShare(BufferedImage image) {
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r < 235 || g < 235 || b < 235) {
                    drawn++;
                }
            }
        }
        return drawn / (double) (image.getWidth() * image.getHeight());
    }
}
