package palsim.app.data;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on the loopback interface only (127.0.0.1, a free port) that plays several
 * download mirrors for tests: each mirror is a path prefix serving a fixed set of files; any
 * other name is a 404. Counts requests per mirror. No test ever contacts another host.
 */
public final class LoopbackMirror implements AutoCloseable {
    /** Small synthetic stand-ins for the four official files, with their MD5s. */
    public static final Map<String, byte[]> FILES = new LinkedHashMap<>();
    public static final Map<String, String> FILES_MD5 = new LinkedHashMap<>();

    static {
        for (String name : MnistDownloader.OFFICIAL_MD5.keySet()) {
            byte[] content = ("synthetic content of " + name + "\n").repeat(100).getBytes(StandardCharsets.US_ASCII);
            FILES.put(name, content);
            FILES_MD5.put(name, md5(content));
        }
    }

    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public LoopbackMirror() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
    }

    /** Adds a mirror at {@code /prefix/} serving {@code files}; returns its base URL. */
    public URI mirror(String prefix, Map<String, byte[]> files) {
        AtomicInteger count = new AtomicInteger();
        requests.put(prefix, count);
        server.createContext("/" + prefix + "/", exchange -> {
            count.incrementAndGet();
            String name = exchange.getRequestURI().getPath().substring(prefix.length() + 2);
            byte[] body = files.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        return base(prefix);
    }

    /** The base URL a mirror at {@code /prefix/} would have (serving nothing unless added). */
    public URI base(String prefix) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + prefix + "/");
    }

    /** Requests the mirror at {@code prefix} has received. */
    public int requests(String prefix) {
        return requests.get(prefix).get();
    }

    /** The synthetic files with one byte of {@code name} flipped (same size, wrong MD5). */
    public static Map<String, byte[]> corrupting(String name) {
        Map<String, byte[]> files = new LinkedHashMap<>(FILES);
        byte[] bad = files.get(name).clone();
        bad[0] ^= 1;
        files.put(name, bad);
        return files;
    }

    static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
