package palsim.app.experiment;

import java.nio.file.Path;
import java.util.Map;
import java.util.SequencedMap;
import palsim.app.plot.Figure;

/**
 * The run directory as an experiment sees it. Every file is written atomically (a temporary file
 * moved into place), so a file is either complete or absent, and is listed in provenance.json.
 */
public interface RunOutput {

    /** The run directory. */
    Path directory();

    /** Writes {@code figures/<name>.png} and {@code figures/<name>.svg}. */
    void writeFigure(String name, Figure figure);

    /**
     * Writes several figures as {@link #writeFigure} does, in the map's order. An implementation may
     * encode them on the executor's threads (rendering is most of the cost of writing a figure); the
     * files are the same whatever the thread count.
     */
    default void writeFigures(SequencedMap<String, Figure> figures, ParallelExecutor executor) {
        for (Map.Entry<String, Figure> f : figures.entrySet()) {
            writeFigure(f.getKey(), f.getValue());
        }
    }

    /** Writes a text file (UTF-8) at {@code relativePath} inside the run directory. */
    void writeText(String relativePath, String text);

    /** Writes a binary file at {@code relativePath} inside the run directory. */
    void writeBytes(String relativePath, byte[] bytes);
}
