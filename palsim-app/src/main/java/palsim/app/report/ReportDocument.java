package palsim.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import palsim.app.plot.Figure;
import palsim.app.plot.FigureEncoder;

/**
 * The report of a set of runs as one self-contained HTML page (figures as inline SVG, styles inline,
 * a content-security policy that forbids every request) and as Markdown with the figures beside it.
 *
 * <p>Runs are grouped into experiments by their task. Per experiment: the runs and what they ran,
 * the figures (each run's own; with two or more runs also one overlay per metric), the final metrics
 * (mean ± std over seeds, from each summary.json), the config keys that differ between the runs, and
 * each run's provenance. Where the runs of the paper's Fig. 1 presets are present, a paper-style
 * Fig. 1 with captions comes first.
 */
final class ReportDocument {
    /**
     * A figure as the report places it: an id (for files and anchors), its markup (an inline
     * {@code <svg>}, or an {@code <img>} with a PNG data URI) and its caption.
     */
    record Placed(String id, String svg, String caption) {
        boolean isSvg() {
            return svg.startsWith("<svg");
        }
    }

    private final String title;
    private final List<ReportRun> runs;
    private final Map<String, List<ReportRun>> experiments = new LinkedHashMap<>();
    /** Every figure by id, in page order: drawn (overlays) and rewritten (SVG ids) once. */
    private final Map<String, Placed> figures = new LinkedHashMap<>();

    ReportDocument(String title, List<ReportRun> runs) {
        this.title = title;
        this.runs = List.copyOf(runs);
        for (ReportRun run : runs) {
            experiments.computeIfAbsent(run.task(), t -> new ArrayList<>()).add(run);
        }
        place().forEach(p -> figures.put(p.id(), p));
    }

    /** Every figure of the report in page order (the Markdown version writes them as files). */
    List<Placed> figures() {
        return List.copyOf(figures.values());
    }

    private List<Placed> place() {
        List<Placed> all = new ArrayList<>();
        for (PaperFigure.Panel p : PaperFigure.of(runs)) {
            all.add(new Placed("fig1" + p.letter(), p.figure().markup("fig1" + p.letter()), p.letter() + ": " + p.caption()));
        }
        for (Map.Entry<String, List<ReportRun>> e : experiments.entrySet()) {
            List<ReportRun> group = e.getValue();
            if (group.size() > 1) {
                for (Map.Entry<String, Figure> overlay : OverlayFigures.of(group).entrySet()) {
                    String id = e.getKey() + "-overlay-" + overlay.getKey();
                    all.add(new Placed(id, svgBody(FigureEncoder.svg(overlay.getValue()), id),
                            overlay.getKey() + " of " + group.size() + " runs (" + e.getKey() + "), one colour per run and rule. "
                                    + "Line: mean over seeds; band: ± std over seeds."));
                }
            }
            for (ReportRun run : group) {
                for (ReportRun.Figure f : run.figures()) {
                    all.add(new Placed(run.name() + "-" + f.name(), f.markup(run.name() + "-" + f.name()), f.name() + " of run " + run.name() + ". "
                            + caption(f.name())));
                }
            }
        }
        return all;
    }

    private static final String BANDS_CAPTION = "Line: mean over seeds; band: ± std over seeds; thin lines: single seeds.";

    /** What the marks of a run's figure mean: most are curves over seeds; a few figure kinds draw otherwise. */
    static String caption(String figure) {
        return switch (figure) {
            case "latents" -> "";
            case "confusion" -> "Rows: true classes; each cell the share of its row decided as its column's class, "
                    + "test set, summed over seeds.";
            case "yinyang_plane" -> "Test points coloured by the class the first seed decided; crosses mark errors; "
                    + "lines are the true class boundaries.";
            case "test_acc" -> "Bar: mean over seeds; whiskers: ± std over seeds; dots: single seeds.";
            case "accuracy_vs_hidden" -> "Line: mean over seeds; band: ± std over seeds; dots: single seeds.";
            default -> BANDS_CAPTION;
        };
    }

    /** The HTML page. */
    String html() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                        + " img-src data:\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p>").append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(", ").append(experiments.size())
                .append(experiments.size() == 1 ? " experiment" : " experiments").append(". Made by palsim ")
                .append(esc(version())).append(".</p>\n");
        List<PaperFigure.Panel> paper = PaperFigure.of(runs);
        if (!paper.isEmpty()) {
            h.append("<section id=\"fig1\">\n<h2>Fig. 1</h2>\n<div class=\"grid\">\n");
            for (PaperFigure.Panel p : paper) {
                figureHtml(h, figures.get("fig1" + p.letter()), "<b>" + p.letter() + "</b> " + esc(p.caption()));
            }
            h.append("</div>\n</section>\n");
        }
        for (Map.Entry<String, List<ReportRun>> e : experiments.entrySet()) {
            List<ReportRun> group = e.getValue();
            h.append("<section>\n<h2>Experiment: ").append(esc(e.getKey())).append("</h2>\n");
            h.append("<table>\n<tr><th>run</th><th>config</th><th>rules</th><th>seeds</th><th>epochs</th><th>description</th></tr>\n");
            for (ReportRun run : group) {
                h.append("<tr><td>").append(esc(run.name())).append("</td><td>").append(esc(run.source())).append("</td><td>")
                        .append(esc(join(run.summary().path("rules")))).append("</td><td>").append(run.seeds()).append("</td><td>")
                        .append(run.summary().path("epochs").asText()).append("</td><td>")
                        .append(esc(run.config().path("description").asText(""))).append("</td></tr>\n");
            }
            h.append("</table>\n<h3>Figures</h3>\n<div class=\"grid\">\n");
            for (Placed p : figures.values()) {
                if (belongsTo(p, e.getKey(), group)) {
                    figureHtml(h, p, esc(p.caption()));
                }
            }
            h.append("</div>\n<h3>Final metrics (mean ± std over seeds)</h3>\n");
            table(h, finals(group));
            if (group.size() > 1) {
                h.append("<h3>Config differences</h3>\n");
                List<List<String>> diff = configDifferences(group);
                if (diff.size() == 1) {
                    h.append("<p>The runs' configs are identical.</p>\n");
                } else {
                    table(h, diff);
                }
            }
            h.append("<h3>Provenance</h3>\n");
            table(h, provenance(group));
            h.append("</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** The Markdown version; figures are referenced as {@code figuresDirectory/ID.svg}. */
    String markdown(String figuresDirectory) {
        StringBuilder m = new StringBuilder("# ").append(title).append("\n\n");
        m.append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(". Made by palsim ").append(version()).append(".\n\n");
        List<PaperFigure.Panel> paper = PaperFigure.of(runs);
        if (!paper.isEmpty()) {
            m.append("## Fig. 1\n\n");
            for (PaperFigure.Panel p : paper) {
                Placed placed = figures.get("fig1" + p.letter());
                m.append("![").append(p.letter()).append("](").append(figuresDirectory).append('/').append(fileName(placed))
                        .append(")\n\n**").append(p.letter()).append("** ").append(p.caption()).append("\n\n");
            }
        }
        for (Map.Entry<String, List<ReportRun>> e : experiments.entrySet()) {
            List<ReportRun> group = e.getValue();
            m.append("## Experiment: ").append(e.getKey()).append("\n\n");
            for (ReportRun run : group) {
                m.append("- **").append(run.name()).append("** (").append(run.source()).append("): ")
                        .append(run.config().path("description").asText("").replace('\n', ' ')).append("\n");
            }
            m.append("\n### Figures\n\n");
            for (Placed p : figures.values()) {
                if (belongsTo(p, e.getKey(), group)) {
                    m.append("![").append(p.id()).append("](").append(figuresDirectory).append('/').append(fileName(p)).append(")\n\n")
                            .append(p.caption()).append("\n\n");
                }
            }
            m.append("### Final metrics (mean ± std over seeds)\n\n");
            markdownTable(m, finals(group));
            if (group.size() > 1) {
                m.append("### Config differences\n\n");
                List<List<String>> diff = configDifferences(group);
                if (diff.size() == 1) {
                    m.append("The runs' configs are identical.\n\n");
                } else {
                    markdownTable(m, diff);
                }
            }
            m.append("### Provenance\n\n");
            markdownTable(m, provenance(group));
        }
        return m.toString();
    }

    /** The file the Markdown version writes a figure to: {@code ID.svg}, or {@code ID.png} for a PNG. */
    static String fileName(Placed p) {
        return p.id() + (p.isSvg() ? ".svg" : ".png");
    }


    private static boolean belongsTo(Placed p, String task, List<ReportRun> group) {
        if (p.id().startsWith(task + "-overlay-")) {
            return true;
        }
        return group.stream().anyMatch(r -> p.id().startsWith(r.name() + "-"));
    }

    /** Header row, then one row per run, rule, metric and layer of the summaries' final values. */
    private static List<List<String>> finals(List<ReportRun> group) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("run", "rule", "metric", "layer", "epoch", "mean ± std", "seeds"));
        for (ReportRun run : group) {
            for (Iterator<Map.Entry<String, JsonNode>> rules = run.summary().path("final").fields(); rules.hasNext(); ) {
                Map.Entry<String, JsonNode> rule = rules.next();
                for (Iterator<Map.Entry<String, JsonNode>> metrics = rule.getValue().fields(); metrics.hasNext(); ) {
                    Map.Entry<String, JsonNode> metric = metrics.next();
                    for (Iterator<Map.Entry<String, JsonNode>> layers = metric.getValue().fields(); layers.hasNext(); ) {
                        Map.Entry<String, JsonNode> layer = layers.next();
                        JsonNode v = layer.getValue();
                        rows.add(List.of(run.name(), rule.getKey(), metric.getKey(), layer.getKey(), v.path("epoch").asText(),
                                number(v.path("mean").asDouble(Double.NaN)) + " ± " + number(v.path("std").asDouble(Double.NaN)),
                                v.path("n").asText()));
                    }
                }
            }
        }
        return rows;
    }

    /** Header row (key, then each run), then one row per config key whose values differ. */
    private static List<List<String>> configDifferences(List<ReportRun> group) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("key"));
        group.forEach(r -> header.add(r.name()));
        rows.add(header);
        ConfigDifferences.of(group).forEach((key, values) -> {
            List<String> row = new ArrayList<>(List.of(key));
            values.forEach(v -> row.add(v == null ? "(not set)" : v));
            rows.add(row);
        });
        return rows;
    }

    private static List<List<String>> provenance(List<ReportRun> group) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("run", "status", "palsim", "commit", "command", "started", "wall time", "machine"));
        for (ReportRun run : group) {
            JsonNode p = run.provenance();
            String commit = p.path("git_commit").asText("?");
            rows.add(List.of(run.name(), p.path("status").asText("?"), p.path("palsim_version").asText("?"),
                    commit.length() > 12 ? commit.substring(0, 12) + (p.path("git_dirty").asBoolean() ? " (dirty)" : "") : commit,
                    p.path("command_line").asText(""), p.path("start_time").asText(""),
                    String.format(Locale.ROOT, "%.1f s", p.path("wall_time_seconds").asDouble(Double.NaN)),
                    p.path("cpu").path("model").asText("?") + ", " + p.path("cpu").path("cores").asText("?") + " cores, Java "
                            + p.path("jvm").path("version").asText("?")));
        }
        return rows;
    }

    private String version() {
        return runs.isEmpty() ? "?" : runs.get(0).provenance().path("palsim_version").asText("?");
    }

    private static void figureHtml(StringBuilder h, Placed p, String captionHtml) {
        h.append("<figure id=\"").append(esc(p.id())).append("\">\n").append(p.svg()).append("\n<figcaption>").append(captionHtml)
                .append("</figcaption>\n</figure>\n");
    }

    private static void table(StringBuilder h, List<List<String>> rows) {
        h.append("<table>\n");
        for (int i = 0; i < rows.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            h.append("<tr>");
            for (String v : rows.get(i)) {
                h.append('<').append(cell).append('>').append(esc(v)).append("</").append(cell).append('>');
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void markdownTable(StringBuilder m, List<List<String>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            m.append("| ").append(String.join(" | ", rows.get(i).stream().map(v -> v.replace("|", "\\|").replace('\n', ' ')).toList()))
                    .append(" |\n");
            if (i == 0) {
                m.append("|").append("---|".repeat(rows.get(0).size())).append('\n');
            }
        }
        m.append('\n');
    }

    /**
     * The {@code <svg …>…</svg>} element of an SVG document, for inlining: with a viewBox from its
     * width and height so that the page can scale it, and every id (and reference to one) prefixed
     * with {@code prefix}, because the SVGs of one page share one id space (each figure has its own
     * {@code clipPath1}, …).
     */
    static String svgBody(String svg, String prefix) {
        int start = svg.indexOf("<svg");
        String body = start < 0 ? svg : svg.substring(start);
        int tagEnd = body.indexOf('>');
        String tag = tagEnd < 0 ? body : body.substring(0, tagEnd);
        Matcher w = WIDTH.matcher(tag);
        Matcher h = HEIGHT.matcher(tag);
        if (!tag.contains("viewBox") && w.find() && h.find()) {
            body = "<svg viewBox=\"0 0 " + w.group(1) + " " + h.group(1) + "\"" + body.substring(4);
        }
        String p = prefix.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
        return ID.matcher(body).replaceAll("$1\"" + Matcher.quoteReplacement(p) + "$2\"")
                .replace("url(#", "url(#" + p).replace("href=\"#", "href=\"#" + p);
    }

    private static final Pattern WIDTH = Pattern.compile("\\swidth=\"([0-9.]+)\"");
    private static final Pattern HEIGHT = Pattern.compile("\\sheight=\"([0-9.]+)\"");
    private static final Pattern ID = Pattern.compile("(\\sid=)\"([^\"]+)\"");

    private static String join(JsonNode list) {
        List<String> items = new ArrayList<>();
        list.forEach(x -> items.add(x.asText()));
        return String.join(", ", items);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4g", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1400px; }
            h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 1.5em; }
            figure { margin: 0; } figure svg, figure img { max-width: 100%; height: auto; }
            figcaption { font-size: 0.9em; color: #333; margin-top: 0.4em; }
            """;
}
