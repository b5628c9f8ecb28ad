package palsim.app.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import palsim.app.config.ConfigDocument;

/**
 * One-time start-up work of the libraries a run needs right after its command line, done on a daemon
 * thread while the main thread builds that command line: the YAML reader (loading and initialising
 * Jackson and SnakeYAML, ≈ 0.1 s of cold code) and the JDK's digest providers (the config's SHA-256
 * for checkpoints). The main thread then finds them ready, or waits for the class initialisation
 * already under way; nothing of the warm-up is kept, and a failure here is left to the real use to
 * report. See docs/benchmarks.md, "Fixed cost of a run".
 */
final class StartUpWarmUp {
    /** The commands that read a YAML config (and hash it) soon after the command line is parsed. */
    private static final Set<String> READS_A_CONFIG = Set.of("run", "reproduce", "resume", "rerun", "sweep");

    private static final String SAMPLE = """
            task: warm-up
            seeds: [1, 2]
            model: {layers: [2, 3], dt: 0.1, name: "a"}
            rules:
              pal:
                rate: 1.0e-3
            """;

    private StartUpWarmUp() {}

    /** Starts the warm-up when {@code args} name a command that reads a config; otherwise does nothing. */
    static void startFor(String[] args) {
        if (args.length == 0 || !READS_A_CONFIG.contains(args[0])) {
            return;
        }
        Thread warmUp = new Thread(StartUpWarmUp::run, "palsim-start-up-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static void run() {
        try {
            ConfigDocument.parse(SAMPLE, "warm-up");
            MessageDigest.getInstance("SHA-256").digest(SAMPLE.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException | LinkageError | NoSuchAlgorithmException e) {
            // Only a warm-up.
        }
    }
}
