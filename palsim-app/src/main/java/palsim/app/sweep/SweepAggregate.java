package palsim.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import palsim.app.plot.EpochCurves;
import palsim.app.run.MetricsTable;
import palsim.app.run.RunDirectory;
import palsim.app.run.RunRecord;
import palsim.app.run.Summary;

/**
 * The results of a sweep, gathered from its points' run directories ({@link RunRecord}) in point
 * order, so they are the same for any thread count and executor (docs/run-directory.md, "Sweeps"):
 * <ul>
 *   <li>{@code metrics.csv}: every completed point's metrics.csv rows, each prefixed with one column
 *       per swept key holding the point's value;
 *   <li>{@code sweep.json}: the swept keys, and per point its directory, values and status (with
 *       the one-line error of a failed point);
 *   <li>{@code figures/final_<metric>.png|svg}: per numeric swept key, the final value of each metric
 *       against the key's value, one line per rule, mean ± std over seeds.
 * </ul>
 * Each point's own summary.json is in its directory.
 */
public final class SweepAggregate {
    /** The sweep's index of points. */
    public static final String INDEX = "sweep.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<SweepExecutor.Outcome> outcomes;
    private final List<String> files;

    private SweepAggregate(List<SweepExecutor.Outcome> outcomes, List<String> files) {
        this.outcomes = List.copyOf(outcomes);
        this.files = List.copyOf(files);
    }

    /** Per point, how it ended. */
    public List<SweepExecutor.Outcome> outcomes() {
        return outcomes;
    }

    /** The files of the aggregate, relative to the sweep directory. */
    public List<String> files() {
        return files;
    }

    static SweepAggregate write(RunDirectory directory, SweepRunner.Plan plan, List<SweepExecutor.Outcome> outcomes) {
        List<SweepSpec.Axis> axes = plan.spec().axes();
        StringBuilder csv = new StringBuilder();
        for (SweepSpec.Axis axis : axes) {
            csv.append(csvField(axis.path())).append(',');
        }
        csv.append(MetricsTable.HEADER).append('\n');
        Map<SweepPoint, JsonNode> summaries = new LinkedHashMap<>();
        for (SweepExecutor.Outcome outcome : outcomes) {
            if (!outcome.completed()) {
                continue;
            }
            SweepPoint point = outcome.point();
            RunRecord record = RunRecord.open(directory.directory().resolve(point.directoryName()), point.directoryName());
            String prefix = point.values().stream().map(v -> csvField(v.text()) + ",").collect(Collectors.joining());
            record.metrics().toCsv().lines().skip(1).forEach(line -> csv.append(prefix).append(line).append('\n'));
            summaries.put(point, record.summary());
        }
        directory.writeText(RunDirectory.METRICS, csv.toString());
        directory.writeText(INDEX, index(plan, outcomes));
        for (SweepSpec.Axis axis : axes) {
            if (axis.values().stream().allMatch(JsonNode::isNumber) && axis.values().size() > 1) {
                writeFigures(directory, axis, axes, summaries);
            }
        }
        List<String> files = new ArrayList<>(directory.files());
        return new SweepAggregate(outcomes, files);
    }

    private static String index(SweepRunner.Plan plan, List<SweepExecutor.Outcome> outcomes) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode keys = root.putArray("keys");
        plan.spec().axes().forEach(a -> keys.add(a.path()));
        ArrayNode points = root.putArray("points");
        for (SweepExecutor.Outcome outcome : outcomes) {
            ObjectNode p = points.addObject();
            p.put("index", outcome.point().index());
            p.put("directory", outcome.point().directoryName());
            ObjectNode values = p.putObject("values");
            outcome.point().values().forEach(v -> values.set(v.path(), v.value()));
            p.put("status", outcome.completed() ? "completed" : "failed");
            if (!outcome.completed()) {
                ObjectNode error = p.putObject("error");
                error.put("kind", outcome.failure().kind().label());
                error.put("exit_code", outcome.failure().exitCode());
                error.put("message", outcome.failure().message());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One figure per metric for swept key {@code axis}: a panel per layer, x = the key's value, a line
     * per rule (and per value of the other swept keys), mean ± std of the seeds' final values.
     */
    private static void writeFigures(RunDirectory directory, SweepSpec.Axis axis, List<SweepSpec.Axis> axes,
            Map<SweepPoint, JsonNode> summaries) {
        // metric → layer → line label → (x, per-seed values) in point order
        Map<String, Map<String, Map<String, List<double[]>>>> lines = new LinkedHashMap<>();
        for (Map.Entry<SweepPoint, JsonNode> entry : summaries.entrySet()) {
            SweepPoint point = entry.getKey();
            double x = point.values().stream().filter(v -> v.path().equals(axis.path())).findFirst().orElseThrow().value().asDouble();
            String others = point.values().stream().filter(v -> !v.path().equals(axis.path()))
                    .map(v -> v.path() + "=" + v.text()).collect(Collectors.joining(", "));
            JsonNode finals = entry.getValue().path("final");
            for (Map.Entry<String, JsonNode> rule : finals.properties()) {
                for (Map.Entry<String, JsonNode> metric : rule.getValue().properties()) {
                    for (Map.Entry<String, JsonNode> layer : metric.getValue().properties()) {
                        JsonNode perSeed = layer.getValue().path("per_seed");
                        List<Double> values = new ArrayList<>();
                        perSeed.forEach(v -> values.add(v.isNumber() ? v.asDouble() : Double.NaN));
                        double[] row = new double[1 + values.size()];
                        row[0] = x;
                        for (int i = 0; i < values.size(); i++) {
                            row[1 + i] = values.get(i);
                        }
                        String label = others.isEmpty() ? rule.getKey() : rule.getKey() + " (" + others + ")";
                        lines.computeIfAbsent(metric.getKey(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(layer.getKey(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(label, k -> new ArrayList<>()).add(row);
                    }
                }
            }
        }
        for (Map.Entry<String, Map<String, Map<String, List<double[]>>>> metric : lines.entrySet()) {
            EpochCurves figure = new EpochCurves(metric.getKey() + " at the last epoch against " + axis.path(), metric.getKey())
                    .xAxis(axis.path());
            for (Map.Entry<String, Map<String, List<double[]>>> layer : metric.getValue().entrySet()) {
                EpochCurves.Panel panel = figure.panel(Summary.NETWORK_KEY.equals(layer.getKey()) ? "network" : "layer " + layer.getKey());
                for (Map.Entry<String, List<double[]>> line : layer.getValue().entrySet()) {
                    List<double[]> rows = new ArrayList<>(line.getValue());
                    rows.sort((a, b) -> Double.compare(a[0], b[0]));
                    int seeds = rows.stream().mapToInt(r -> r.length - 1).max().orElse(0);
                    double[] x = new double[rows.size()];
                    double[][] perSeed = new double[seeds][rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        x[i] = rows.get(i)[0];
                        for (int s = 0; s < seeds; s++) {
                            perSeed[s][i] = s + 1 < rows.get(i).length ? rows.get(i)[s + 1] : Double.NaN;
                        }
                    }
                    panel.rule(line.getKey(), x, perSeed);
                }
            }
            String name = "final_" + metric.getKey() + (axes.size() > 1 ? "_vs_" + axis.path().replaceAll("[^A-Za-z0-9_]", "_") : "");
            directory.writeFigure(name, figure.toFigure());
        }
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break (a list value such as [1,2]). */
    private static String csvField(String text) {
        return text.matches("[^,\"\\n\\r]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
