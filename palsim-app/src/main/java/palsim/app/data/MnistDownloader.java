package palsim.app.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Downloads the four official MNIST files ({@code *.gz}) into a directory, trying a list of
 * mirrors in order and checking each file's MD5.
 *
 * <p>For every file: if it is already present with the expected checksum it is kept; otherwise
 * each mirror is tried in turn until one delivers it with HTTP 200 and the expected MD5 (a
 * connection failure, another status, a timeout or a checksum mismatch moves on to the next
 * mirror). A download goes to a temporary file in the target directory that is moved into place
 * only once verified, so an interrupted run never leaves a half-written file under an official
 * name. Progress goes to {@code progress}, one line per attempt.
 */
public final class MnistDownloader {
    /** The mirrors tried by default, in order. */
    public static final List<URI> DEFAULT_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("http://yann.lecun.com/exdb/mnist/"));

    /** MD5 of each official file, in download order. */
    public static final Map<String, String> OFFICIAL_MD5 = orderedMap(
            OfficialMnist.TRAIN_IMAGES + ".gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873",
            OfficialMnist.TRAIN_LABELS + ".gz", "d53e105ee54ea40749a09fcbcd1e9432",
            OfficialMnist.TEST_IMAGES + ".gz", "9fb629c4189551a2d022fa330f9573f3",
            OfficialMnist.TEST_LABELS + ".gz", "ec29112dd5afa0611ce80d1b7f02629c");

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** Whole-file limit per attempt: generous for 9.9 MB over a slow link, finite if a server stalls. */
    public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofMinutes(10);

    private final List<URI> mirrors;
    private final Map<String, String> expectedMd5;
    private final PrintWriter progress;
    private final Duration connectTimeout;
    private final Duration fileTimeout;

    /**
     * @param mirrors base URLs (http or https) tried in order; a missing trailing slash is added
     * @param expectedMd5 file name → lower-case hex MD5, in download order ({@link #OFFICIAL_MD5})
     * @param progress where progress lines go (the command's stderr)
     * @param connectTimeout limit for establishing a connection
     * @param fileTimeout limit for one attempt at one file, headers and body
     */
    public MnistDownloader(List<URI> mirrors, Map<String, String> expectedMd5, PrintWriter progress,
            Duration connectTimeout, Duration fileTimeout) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("mirrors: need at least one");
        }
        List<URI> normalised = new ArrayList<>();
        for (URI mirror : mirrors) {
            normalised.add(normalise(mirror));
        }
        if (expectedMd5.isEmpty()) {
            throw new IllegalArgumentException("expectedMd5: need at least one file");
        }
        expectedMd5.forEach((name, md5) -> {
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("expectedMd5: '" + name + "' is not a plain file name");
            }
            if (!md5.matches("[0-9a-f]{32}")) {
                throw new IllegalArgumentException("expectedMd5: '" + md5 + "' for " + name + " is not a lower-case hex MD5");
            }
        });
        this.mirrors = List.copyOf(normalised);
        this.expectedMd5 = Collections.unmodifiableMap(new LinkedHashMap<>(expectedMd5));
        this.progress = Objects.requireNonNull(progress, "progress");
        this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        this.fileTimeout = requirePositive(fileTimeout, "fileTimeout");
    }

    /** The mirrors as used (each ending in a slash). */
    public List<URI> mirrors() {
        return mirrors;
    }

    /**
     * Makes sure every file is in {@code directory} (created if needed) with its expected MD5.
     *
     * @return the paths of the files, in download order
     * @throws DataFileException naming the first file no mirror could deliver, with each
     *     mirror's reason, or the directory if it cannot be created or written
     */
    public List<Path> fetch(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new DataFileException(directory.toString(), "cannot create directory: " + e.getMessage(), e);
        }
        List<Path> fetched = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault())
                .build()) {
            for (Map.Entry<String, String> file : expectedMd5.entrySet()) {
                fetched.add(fetchOne(client, directory, file.getKey(), file.getValue()));
            }
        }
        return fetched;
    }

    private Path fetchOne(HttpClient client, Path directory, String name, String md5) {
        Path target = directory.resolve(name);
        if (Files.isRegularFile(target)) {
            String present = md5(target, target.toString());
            if (present.equals(md5)) {
                say(name + ": present, MD5 ok");
                return target;
            }
            say(name + ": present but MD5 is " + present + ", expected " + md5 + "; downloading again");
        }
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI uri = mirror.resolve(name);
            progress.print(name + ": downloading " + uri + " ... ");
            progress.flush();
            long start = System.nanoTime();
            String failure = attempt(client, uri, directory, target, md5);
            if (failure == null) {
                say(String.format(Locale.ROOT, "ok (%.1f MB, %.1f s, MD5 ok)", size(target) / 1e6,
                        (System.nanoTime() - start) / 1e9));
                return target;
            }
            say("failed: " + failure);
            failures.add(mirror + " (" + failure + ")");
        }
        throw new DataFileException(name, "download failed from every mirror: " + String.join(", ", failures));
    }

    /** One download of {@code uri} into {@code target}; null on success, else why it failed. */
    private String attempt(HttpClient client, URI uri, Path directory, Path target, String md5) {
        Path partial;
        try {
            partial = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new DataFileException(directory.toString(), "cannot write: " + e.getMessage(), e);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(fileTimeout).header("User-Agent", "palsim").GET().build();
            CompletableFuture<HttpResponse<Path>> pending = client.sendAsync(request,
                    HttpResponse.BodyHandlers.ofFile(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
            HttpResponse<Path> response;
            try {
                response = pending.get(fileTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                return "timed out after " + fileTimeout.toSeconds() + " s";
            } catch (ExecutionException e) {
                return describe(e.getCause());
            } catch (InterruptedException e) {
                pending.cancel(true);
                Thread.currentThread().interrupt();
                throw new DataFileException(target.getFileName().toString(), "download interrupted", e);
            }
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            String received = md5(partial, uri.toString());
            if (!received.equals(md5)) {
                return "MD5 " + received + ", expected " + md5;
            }
            moveIntoPlace(partial, target);
            return null;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // A leftover hidden .part file is harmless; the next run creates a fresh one.
            }
        }
    }

    private static void moveIntoPlace(Path partial, Path target) {
        try {
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DataFileException(target.toString(), "cannot write: " + e.getMessage(), e);
        }
    }

    private void say(String line) {
        progress.println(line);
        progress.flush();
    }

    /** Lower-case hex MD5 of a file's bytes. */
    static String md5(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides MD5", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why a request failed, in words for the common network failures, else the exception's class and message. */
    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "host not found";
            }
        }
        if (failure instanceof java.net.http.HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (failure instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String text = failure.getClass().getSimpleName();
        if (failure.getMessage() != null && !failure.getMessage().isBlank()) {
            return text + ": " + failure.getMessage();
        }
        Throwable cause = failure.getCause();
        return cause == null || cause == failure ? text : text + " (" + describe(cause) + ")";
    }

    private static URI normalise(URI mirror) {
        String scheme = mirror.getScheme() == null ? "" : mirror.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || mirror.getHost() == null) {
            throw new IllegalArgumentException("mirror '" + mirror + "' is not an http:// or https:// URL");
        }
        String text = mirror.toString();
        return text.endsWith("/") ? mirror : URI.create(text + "/");
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, got " + d);
        }
        return d;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
