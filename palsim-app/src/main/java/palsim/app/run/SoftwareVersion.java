package palsim.app.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Which palsim ran: the Maven project version baked into the jar, and — when the launcher says where
 * the source tree is ({@code -Dpalsim.home}) and git is available — its commit and whether tracked or
 * untracked files differed from it.
 *
 * @param version the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param gitCommit the commit of the source tree, when known
 * @param gitDirty whether the tree had changes, when known
 */
public record SoftwareVersion(String version, Optional<String> gitCommit, Optional<Boolean> gitDirty) {
    /** The system property the launcher sets to the source tree. */
    public static final String HOME_PROPERTY = "palsim.home";

    /** The version of this build, with git state read from {@code home} if given. */
    public static SoftwareVersion detect(Optional<Path> home) {
        String version = buildVersion();
        if (home.isEmpty() || !Files.isDirectory(home.get())) {
            return new SoftwareVersion(version, Optional.empty(), Optional.empty());
        }
        Optional<String> commit = git(home.get(), "rev-parse", "HEAD").map(String::strip).filter(s -> s.matches("[0-9a-f]{7,64}"));
        Optional<Boolean> dirty = commit.isEmpty() ? Optional.empty()
                : git(home.get(), "status", "--porcelain").map(s -> !s.isBlank());
        return new SoftwareVersion(version, commit, dirty);
    }

    /** The version from {@code -Dpalsim.home} of this JVM. */
    public static SoftwareVersion detect() {
        String home = System.getProperty(HOME_PROPERTY);
        return detect(home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home)));
    }

    /** The Maven project version, or {@code unknown} when run from unfiltered classes. */
    public static String buildVersion() {
        try (InputStream in = SoftwareVersion.class.getResourceAsStream("/palsim/app/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code 0.1.0-SNAPSHOT (commit 1a2b3c4d5e6f, with uncommitted changes)}. */
    public String describe() {
        if (gitCommit.isEmpty()) {
            return version;
        }
        String commit = gitCommit.get().substring(0, Math.min(12, gitCommit.get().length()));
        String state = gitDirty.map(d -> d ? ", with uncommitted changes" : "").orElse("");
        return version + " (commit " + commit + state + ")";
    }

    /** Output of {@code git -C home args…}, empty when git is missing, fails or hangs. */
    private static Optional<String> git(Path home, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = home.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            // Read before waiting: a full pipe would block git.
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
