package palsim.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import palsim.app.InputException;

/**
 * The named configs shipped with palsim: YAML resources {@code presets/<name>.yaml} on the class
 * path (palsim-app/src/main/resources/presets/). Adding a preset means adding a file there; each has
 * a {@code description} key whose first line {@code palsim presets} lists. Their measured wall times
 * live in one table beside them, {@code wall-times.tsv} (preset, estimate, how it was measured), so
 * that {@code palsim presets}, the README and the docs cannot drift apart.
 */
public final class PresetCatalog {
    private static final String SUFFIX = ".yaml";
    private static final String WALL_TIMES = "wall-times.tsv";

    private final ClassLoader loader;
    private final String folder;

    /**
     * @param loader where to look
     * @param folder the resource folder, e.g. {@code presets}
     */
    public PresetCatalog(ClassLoader loader, String folder) {
        this.loader = loader;
        this.folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    }

    /** The presets palsim ships. */
    public static PresetCatalog standard() {
        return new PresetCatalog(PresetCatalog.class.getClassLoader(), "presets");
    }

    /** Names of all presets, sorted. */
    public SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            for (URL root : Collections.list(roots)) {
                for (String file : list(root)) {
                    if (file.endsWith(SUFFIX) && !file.contains("/")) {
                        names.add(file.substring(0, file.length() - SUFFIX.length()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the presets", e);
        }
        return Collections.unmodifiableSortedSet(names);
    }

    /** Whether a preset of that name exists. */
    public boolean contains(String name) {
        return isSafeName(name) && loader.getResource(resourceOf(name)) != null;
    }

    /**
     * The YAML text of a preset.
     *
     * @throws InputException for an unknown name, listing the known ones
     */
    public String text(String name) {
        if (!contains(name)) {
            SortedSet<String> known = names();
            throw new InputException("unknown preset '" + name + "' (known: "
                    + (known.isEmpty() ? "none installed" : String.join(", ", known)) + ")");
        }
        try (InputStream in = loader.getResourceAsStream(resourceOf(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + name, e);
        }
    }

    /** The preset as a config document, named {@code <name>.yaml} in messages. */
    public ConfigDocument load(String name) {
        return ConfigDocument.parse(text(name), name + SUFFIX);
    }

    /**
     * The first preset (by name) whose {@code task} is {@code task}, as a complete example of that
     * task's config; empty when none is (unreadable presets are skipped).
     */
    public Optional<ConfigDocument> example(String task) {
        for (String name : names()) {
            try {
                ConfigDocument preset = load(name);
                JsonNode presetTask = preset.get("task");
                if (presetTask != null && task.equals(presetTask.asText())) {
                    return Optional.of(preset);
                }
            } catch (InputException unreadable) {
                // Not an example of anything.
            }
        }
        return Optional.empty();
    }

    /** The first line of the preset's {@code description} key, or an empty string. */
    public String description(String name) {
        ConfigDocument document = load(name);
        var description = document.get("description");
        if (description == null || !description.isTextual()) {
            return "";
        }
        return description.textValue().strip().lines().findFirst().orElse("");
    }

    /**
     * The preset's measured wall time on 2 cores, e.g. {@code ≈ 10–13 min}, from {@code wall-times.tsv};
     * empty if the table or its row is missing.
     */
    public Optional<String> wallTime(String name) {
        return Optional.ofNullable(wallTimes().get(name));
    }

    /** Every row of {@code wall-times.tsv}: preset name → estimate, in file order. */
    public Map<String, String> wallTimes() {
        Map<String, String> estimates = new LinkedHashMap<>();
        try (InputStream in = loader.getResourceAsStream(folder + "/" + WALL_TIMES)) {
            if (in == null) {
                return estimates;
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> {
                        String[] cells = line.split("\t");
                        if (cells.length < 2 || cells[1].isBlank()) {
                            throw new IllegalStateException(WALL_TIMES + ": a row needs a preset and an estimate: " + line);
                        }
                        estimates.put(cells[0], cells[1]);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WALL_TIMES, e);
        }
        return estimates;
    }

    private String resourceOf(String name) {
        return folder + "/" + name + SUFFIX;
    }

    private static boolean isSafeName(String name) {
        return !name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
    }

    /** File names directly in a folder of the class path, in a directory or a jar. */
    private List<String> list(URL root) throws IOException {
        List<String> files = new ArrayList<>();
        switch (root.getProtocol()) {
            case "file" -> {
                try (Stream<Path> entries = Files.list(Path.of(root.toURI()))) {
                    entries.forEach(p -> files.add(p.getFileName().toString()));
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = folder + "/";
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(prefix) && n.length() > prefix.length())
                            .forEach(n -> files.add(n.substring(prefix.length())));
                }
            }
            default -> {
                // Other class-path kinds (none in palsim) cannot be listed; presets can still be loaded by name.
            }
        }
        return files;
    }
}
