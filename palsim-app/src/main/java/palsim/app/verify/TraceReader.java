package palsim.app.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import palsim.app.data.DataFileException;
import palsim.core.microcircuit.CircuitQuantity;
import palsim.core.microcircuit.CircuitSnapshot;
import palsim.core.microcircuit.LearningSwitches;
import palsim.core.microcircuit.MicrocircuitSpec;

/**
 * Reads a trace file (JSON, gzip-compressed or plain; the format is in docs/verify.md) into a
 * {@link ReferenceTrace}. Every problem — a missing, truncated or corrupt file, a missing key, a
 * list of the wrong length, a parameter palsim does not support — is a {@link DataFileException}
 * naming the file and the place in it.
 */
public final class TraceReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceReader() {}

    /** Opens a trace's bytes (a file or a bundled resource). */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /** The traces palsim ships, recorded from the reference implementation (docs/verify.md). */
    static final List<String> BUNDLED = List.of("fig1c-bw_only-pal-seed123.json.gz", "fig1e-fw_bw-pal-seed123.json.gz");

    private static final String BUNDLED_DIRECTORY = "/traces/";

    /** The file at {@code path}, named {@code name} in messages (the path as the user gave it). */
    static ReferenceTrace read(Path path, String name) {
        return read(() -> Files.newInputStream(path), name);
    }

    /** The bundled trace {@code file} (one of {@link #BUNDLED}), named {@code bundled:FILE} in messages. */
    static ReferenceTrace bundled(String file) {
        String name = "bundled:" + file;
        return read(() -> {
            InputStream in = TraceReader.class.getResourceAsStream(BUNDLED_DIRECTORY + file);
            if (in == null) {
                throw new NoSuchFileException(file);
            }
            return in;
        }, name);
    }

    static ReferenceTrace read(Source source, String name) {
        TraceNode root = new TraceNode(name, "", parse(source, name));
        TraceNode meta = root.field("meta");
        MicrocircuitSpec circuit = TraceParameters.circuit(meta.field("params"));
        int[] n = circuit.layers();
        TraceNode learning = meta.field("learning");
        LearningSwitches switches = new LearningSwitches(learning.field("learn_weights").bool(),
                learning.field("learn_lat_weights").bool(), learning.field("learn_bw_weights").bool());
        boolean noisy = circuit.feedbackRule().noise().isPresent();

        CircuitSnapshot start = state(root.field("after_settling"), n, noisy);
        List<TraceNode> stepNodes = root.field("steps").elements();
        if (stepNodes.isEmpty()) {
            throw root.field("steps").error("no steps recorded");
        }
        if (meta.has("train_steps") && meta.field("train_steps").integer() != stepNodes.size()) {
            throw root.field("steps").error("meta.train_steps says " + meta.field("train_steps").integer() + " steps, "
                    + stepNodes.size() + " are recorded (truncated file?)");
        }
        List<ReferenceTrace.Step> steps = new ArrayList<>(stepNodes.size());
        for (TraceNode step : stepNodes) {
            steps.add(step(step, n, noisy));
        }
        TraceNode checkpointNode = root.field("checkpoints");
        SortedMap<Integer, CircuitSnapshot> checkpoints = new TreeMap<>();
        for (String key : checkpointNode.keys()) {
            int k;
            try {
                k = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                throw checkpointNode.field(key).error("a checkpoint is named by its step count, got '" + key + "'");
            }
            if (k < 1 || k > steps.size()) {
                throw checkpointNode.field(key).error("step count outside 1…" + steps.size());
            }
            checkpoints.put(k, state(checkpointNode.field(key), n, noisy));
        }
        if (checkpoints.isEmpty()) {
            throw checkpointNode.error("no checkpoints recorded");
        }
        String task = meta.has("task") ? meta.field("task").text() : "?";
        long seed = meta.has("seed") ? meta.field("seed").integer() : 0;
        return new ReferenceTrace(name, task, seed, circuit, switches, start, List.copyOf(steps), checkpoints);
    }

    private static JsonNode parse(Source source, String name) {
        try (InputStream raw = new BufferedInputStream(source.open())) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                JsonNode root = JSON.readTree(in);
                if (root == null || root.isMissingNode()) {
                    throw new DataFileException(name, "empty file");
                }
                return root;
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, "no such file");
        } catch (EOFException e) {
            throw new DataFileException(name, "truncated (the compressed data ends early)");
        } catch (ZipException e) {
            throw new DataFileException(name, "corrupt compressed data (" + e.getMessage() + ")");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String problem = e.getOriginalMessage().contains("end-of-input") ? "truncated JSON" : "not valid JSON";
            throw new DataFileException(name, problem + where);
        } catch (IOException e) {
            throw new DataFileException(name, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static ReferenceTrace.Step step(TraceNode step, int[] n, boolean noisy) {
        int top = n.length - 1;
        double[] input = step.field("r0").vector(n[0]);
        TraceNode targetNode = step.field("u_tgt");
        double[] target = targetNode.isNull() ? null : targetNode.vector(n[top]);
        TraceNode noiseNode = step.field("noise");
        double[][] noise = null;
        if (!noiseNode.isNull()) {
            double[][] all = noise(noiseNode, n);
            noise = noisy ? all : null;
            if (!noisy && !allZero(all)) {
                throw noiseNode.error("the recorded rule injects no noise, but the step records some");
            }
        } else if (noisy) {
            throw noiseNode.error("the rule injects noise, but the step records none");
        }
        return new ReferenceTrace.Step(input, target, noise);
    }

    /** The whole state of one checkpoint; quantities the rule keeps no state for are skipped. */
    private static CircuitSnapshot state(TraceNode node, int[] n, boolean noisy) {
        CircuitSnapshot snapshot = new CircuitSnapshot(n);
        for (Map.Entry<String, CircuitQuantity> e : TraceNames.STATE.entrySet()) {
            CircuitQuantity q = e.getValue();
            TraceNode layers = node.field(e.getKey());
            if (q == CircuitQuantity.NOISE) {
                double[][] xi = noise(layers, n);
                for (int l = 1; l < n.length - 1; l++) {
                    snapshot.set(q, l, xi[l - 1]);
                }
                continue;
            }
            List<TraceNode> items = layers.elements();
            int count = q.lastLayer(n) - q.firstLayer(n) + 1;
            if (items.size() != count) {
                throw layers.error("expected " + count + " layers, got " + items.size());
            }
            for (int l = q.firstLayer(n); l <= q.lastLayer(n); l++) {
                TraceNode item = items.get(l - q.firstLayer(n));
                int[] shape = q.shape(n, l);
                boolean matrix = switch (q.population()) {
                    case FORWARD, PYRAMID_TO_INTERNEURON, FEEDBACK -> true;
                    default -> false;
                };
                snapshot.set(q, l, matrix ? item.matrix(shape[0], shape[1]) : item.vector(shape[0]));
            }
        }
        // the input of the step before is not recorded; it only scales the first layer's update of a
        // settled circuit, whose prediction error is at the level of rounding (docs/verify.md)
        snapshot.set(CircuitQuantity.LAST_INPUT, 0, new double[n[0]]);
        return snapshot;
    }

    /**
     * ξ of the hidden layers. Recordings list one entry per pyramidal layer or per hidden layer; an
     * entry for the output layer must be zero (palsim, like the reference, injects no output noise).
     */
    private static double[][] noise(TraceNode node, int[] n) {
        int top = n.length - 1;
        List<TraceNode> items = node.elements();
        if (items.size() != top && items.size() != top - 1) {
            throw node.error("expected " + (top - 1) + " hidden layers (or " + top + " with the output), got " + items.size());
        }
        double[][] xi = new double[top - 1][];
        for (int l = 1; l <= top - 1; l++) {
            xi[l - 1] = items.get(l - 1).vector(n[l]);
        }
        if (items.size() == top && !allZero(new double[][] {items.get(top - 1).vector(n[top])})) {
            throw items.get(top - 1).error("noise in the output layer, which palsim does not inject");
        }
        return xi;
    }

    private static boolean allZero(double[][] values) {
        for (double[] v : values) {
            for (double x : v) {
                if (x != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
