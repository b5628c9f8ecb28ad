package palsim.app.experiment.autoencoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import palsim.app.config.ConfigSection;
import palsim.app.data.DataFile;
import palsim.app.experiment.CommonSettings;
import palsim.app.experiment.Experiment;
import palsim.app.experiment.ExperimentContext;
import palsim.app.experiment.JobCheckpoint;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.app.experiment.ParallelExecutor.Job;
import palsim.app.experiment.SeedCurves;
import palsim.app.metrics.SeedStatistics;
import palsim.app.plot.Figure;

/**
 * The MNIST autoencoder with LE networks (the paper's Fig. 1f–h; le-network.md §3–§4, the
 * reference's "Fig. 5"): a 784-200-2-200-784 LE network learns to reconstruct digits with BP, FA,
 * DFA or PAL; at epoch 0 and after every epoch the 2-D latent code is scored by its linear
 * separability ({@code lin_sep}), the reconstruction by {@code mse}, and the feedback weights by
 * their angle to the transposed forward weights ({@code angle_B_WT}). Config: docs/config.md;
 * presets {@code fig1fgh} (the full protocol on official MNIST) and {@code fig1fgh-sample}
 * (the bundled digits, ~20 minutes on two cores).
 *
 * <p>Jobs: one per rule × seed, each network on one thread (two independent networks use two
 * cores better than one network on two threads, docs/le-network.md). PAL jobs are queued first
 * because their steps cost most; the order of jobs never changes a result. Files beyond the
 * standard ones: {@code latents.csv} (the last epoch's test latents, {@link LatentsCsv}) and
 * {@code data.json} (what data was read: description, files with SHA-256).
 */
public final class AutoencoderExperiment implements Experiment<AutoencoderSettings> {
    /** The config's {@code task}. */
    public static final String TASK = "autoencoder";
    static final String DATA_FILE = "data.json";

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public String summary() {
        return "MNIST autoencoder with LE networks: latent separability and B–Wᵀ alignment (Fig. 1f–h)";
    }

    @Override
    public AutoencoderSettings parse(ConfigSection config, CommonSettings common) {
        return AutoencoderSettings.parse(config);
    }

    @Override
    public void checkInputs(AutoencoderSettings settings) {
        AutoencoderData.requireFiles(settings.data());
    }

    @Override
    public void run(ExperimentContext<AutoencoderSettings> context) {
        AutoencoderSettings settings = context.settings();
        List<Long> seeds = context.common().seeds();
        int epochs = context.common().epochs();
        AutoencoderData data = AutoencoderData.load(settings.data(), settings.protocol().validationPasses());
        context.output().writeText(DATA_FILE, dataJson(data));

        List<RuleSetup> byCost = new ArrayList<>(settings.ruleSetups());
        byCost.sort(Comparator.comparing(rule -> !rule.isNoisy())); // stable: config order otherwise
        List<Job<TestLatents>> jobs = new ArrayList<>();
        for (RuleSetup rule : byCost) {
            for (long seed : seeds) {
                AutoencoderRun run = new AutoencoderRun(settings, rule, seed, epochs);
                String label = "rule " + rule.name() + ", seed " + seed;
                JobCheckpoint checkpoint = context.checkpoints().job(label);
                jobs.add(new Job<>(label, () -> run.run(data.forSeed(seed), checkpoint, context.progress())));
            }
        }
        context.progress().begin("training", (long) jobs.size() * epochs, "epochs");
        List<TestLatents> results = new ArrayList<>(context.executor().run(jobs));
        results.sort(Comparator.comparing((TestLatents l) -> settings.rules().indexOf(l.rule()))
                .thenComparing(l -> seeds.indexOf(l.seed())));
        context.output().writeText(LatentsCsv.FILE, LatentsCsv.format(results));

        AutoencoderFigures figures = new AutoencoderFigures(settings, context.metrics());
        List<TestLatents> firstSeed = results.stream().filter(l -> l.seed() == seeds.get(0)).toList();
        SequencedMap<String, Figure> figureFiles = new LinkedHashMap<>();
        figures.latentScatter(firstSeed).ifPresent(f -> figureFiles.put(AutoencoderFigures.LATENTS, f));
        figureFiles.put(AutoencoderFigures.LINEAR_SEPARABILITY, figures.linearSeparability());
        figures.feedbackAngles().ifPresent(f -> figureFiles.put(AutoencoderFigures.ANGLES, f));
        figures.updateAngles().ifPresent(f -> figureFiles.put(MetricNames.ANGLE_DW_BP, f));
        figureFiles.put(AutoencoderFigures.RECONSTRUCTION, figures.reconstructionError());
        context.output().writeFigures(figureFiles, context.executor());

        context.headline("data: " + data.description());
        context.headline(startToEnd(context, settings, MetricNames.LIN_SEP, MetricsSink.NETWORK, "lin_sep", "%.3f"));
        for (RuleSetup rule : settings.ruleSetups()) {
            if (!context.metrics().curves(rule.name(), MetricNames.ANGLE_B_WT, 1).isEmpty()) {
                StringBuilder line = new StringBuilder("∠(B, Wᵀ) " + rule.name() + ", mean over seeds:");
                for (int layer = 1; layer < settings.network().layers(); layer++) {
                    SeedStatistics[] ends = firstAndLast(context.metrics().curves(rule.name(), MetricNames.ANGLE_B_WT, layer));
                    line.append(String.format(Locale.ROOT, " layer %d %.1f°%s → %.1f°%s%s", layer, ends[0].mean(),
                            ends[0].incompleteNote(), ends[1].mean(), ends[1].incompleteNote(),
                            layer < settings.network().layers() - 1 ? "," : ""));
                }
                context.headline(line.toString());
            }
        }
    }

    /** "lin_sep epoch 0 → E, mean over seeds: bp 0.21 → 0.63, fa …". */
    private static String startToEnd(ExperimentContext<AutoencoderSettings> context, AutoencoderSettings settings,
            String metric, int layer, String label, String format) {
        StringBuilder line = new StringBuilder(label + " epoch 0 → " + context.common().epochs() + ", mean over seeds:");
        List<String> rules = settings.rules();
        for (int r = 0; r < rules.size(); r++) {
            SeedStatistics[] ends = firstAndLast(context.metrics().curves(rules.get(r), metric, layer));
            line.append(' ').append(rules.get(r)).append(' ').append(String.format(Locale.ROOT, format, ends[0].mean()))
                    .append(ends[0].incompleteNote()).append(" → ").append(String.format(Locale.ROOT, format, ends[1].mean()))
                    .append(ends[1].incompleteNote()).append(r < rules.size() - 1 ? "," : "");
        }
        return line.toString();
    }

    /** Statistics over seeds at the first and at the last recorded epoch. */
    private static SeedStatistics[] firstAndLast(SeedCurves curves) {
        return new SeedStatistics[] {SeedStatistics.ofColumn(curves.values(), 0),
            SeedStatistics.ofColumn(curves.values(), curves.epochs().length - 1)};
    }

    private static String dataJson(AutoencoderData data) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("description", data.description());
        ArrayNode files = root.putArray("files");
        for (DataFile f : data.files()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", f.source());
            entry.put("stored_bytes", f.storedBytes());
            entry.put("sha256", f.sha256());
            files.addPOJO(entry);
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + DATA_FILE, e);
        }
    }
}
