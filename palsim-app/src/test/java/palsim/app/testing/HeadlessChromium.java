package palsim.app.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, run headless on a local page: a screenshot, the DOM after loading, the browser's
 * log (console messages) and its network log (every request it made). Tests skip where no Chromium
 * is installed ({@code .ci/run} installs it where it can).
 */
public final class HeadlessChromium {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The installed browser, or null. */
    public static HeadlessChromium find() {
        for (String c : CANDIDATES) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return new HeadlessChromium(p);
            }
        }
        return null;
    }

    /**
     * What one load of a page gave.
     *
     * @param dom the DOM after loading (serialised)
     * @param log the browser's log on stderr, console messages included
     * @param netLog the network logs of both loads (JSON documents, one per line of the list)
     */
    public record Load(String dom, String log, List<String> netLog) {}

    /** Loads {@code page} and writes a screenshot of {@code width × height} pixels to {@code screenshot}. */
    public Load load(Path page, Path screenshot, int width, int height, Path scratch) throws IOException, InterruptedException {
        Path netLog = scratch.resolve("net-log.json");
        Path profile = scratch.resolve("profile");
        // The browser's own background traffic (update checks, account lookups) is sent to a proxy on a
        // closed loopback port and no host name resolves, so nothing leaves the machine whatever it tries.
        List<String> common = List.of("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-client-side-phishing-detection", "--disable-domain-reliability",
                "--no-pings", "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--log-net-log=" + netLog,
                "--window-size=" + width + "," + height);
        String url = page.toUri().toString();
        List<String> shot = new ArrayList<>(common);
        shot.add("--screenshot=" + screenshot);
        shot.add(url);
        String log = run(shot, scratch.resolve("shot"))[1];
        List<String> netLogs = new ArrayList<>();
        netLogs.add(Files.exists(netLog) ? Files.readString(netLog) : "{}");
        List<String> dump = new ArrayList<>(common);
        dump.add("--dump-dom");
        dump.add(url);
        String[] dom = run(dump, scratch.resolve("dom"));
        netLogs.add(Files.exists(netLog) ? Files.readString(netLog) : "{}");
        return new Load(dom[0], log + dom[1], netLogs);
    }

    private String[] run(List<String> args, Path prefix) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        Path out = Path.of(prefix + ".out");
        Path err = Path.of(prefix + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s: " + command);
        }
        return new String[] {Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)};
    }
}
