package palsim.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;

/**
 * What every array task of a SLURM sweep asks for, from the config's {@code sweep.slurm} section
 * (docs/distributed.md), each overridable on the command line. Unset values are left to the
 * cluster's defaults (no {@code #SBATCH} line is written for them).
 *
 * @param time {@code --time}, e.g. {@code 00:30:00}
 * @param mem {@code --mem}, e.g. {@code 4G}
 * @param cpusPerTask {@code --cpus-per-task}; also the threads each point runs with (1 when unset)
 * @param partition {@code --partition}
 * @param account {@code --account}
 * @param options further sbatch options, each written as one {@code #SBATCH} line
 * @param setup shell lines run before palsim in every task (e.g. {@code module load java/25})
 * @param java the java binary on the compute nodes (default: the one running this palsim)
 */
public record SlurmSettings(Optional<String> time, Optional<String> mem, Optional<Integer> cpusPerTask,
        Optional<String> partition, Optional<String> account, List<String> options, List<String> setup, Optional<String> java) {

    /** The section's key under {@code sweep}. */
    public static final String KEY = "slurm";
    private static final String AT = SweepSpec.SECTION + "." + KEY;

    public SlurmSettings {
        options = List.copyOf(options);
        setup = List.copyOf(setup);
        cpusPerTask.ifPresent(n -> {
            if (n < 1) {
                throw new InputException("cpus_per_task: must be >= 1, got " + n);
            }
        });
    }

    /** No resources asked for: the cluster's defaults. */
    public static SlurmSettings none() {
        return new SlurmSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), Optional.empty());
    }

    /**
     * Reads {@code sweep.slurm} of {@code document} (which is not changed); none when absent.
     *
     * @throws InputException naming the key for an unknown key or a value of the wrong type
     */
    public static SlurmSettings of(ConfigDocument document) {
        JsonNode section = document.get(SweepSpec.SECTION) == null ? null : document.get(SweepSpec.SECTION).get(KEY);
        if (section == null || section.isNull()) {
            return none();
        }
        if (!(section instanceof ObjectNode object)) {
            throw new InputException(AT + ": expected a section (time, mem, cpus_per_task, partition, account, options, setup, java)");
        }
        SlurmSettings settings = none();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            settings = switch (key) {
                case "time" -> settings.withTime(text(key, value));
                case "mem" -> settings.withMem(text(key, value));
                case "cpus_per_task" -> {
                    if (!value.canConvertToExactIntegral()) {
                        throw new InputException(AT + ".cpus_per_task: expected an integer >= 1, got " + value);
                    }
                    yield settings.withCpusPerTask(value.asInt());
                }
                case "partition" -> settings.withPartition(text(key, value));
                case "account" -> settings.withAccount(text(key, value));
                case "options" -> new SlurmSettings(settings.time, settings.mem, settings.cpusPerTask, settings.partition,
                        settings.account, texts(key, value), settings.setup, settings.java);
                case "setup" -> new SlurmSettings(settings.time, settings.mem, settings.cpusPerTask, settings.partition,
                        settings.account, settings.options, texts(key, value), settings.java);
                case "java" -> new SlurmSettings(settings.time, settings.mem, settings.cpusPerTask, settings.partition,
                        settings.account, settings.options, settings.setup, Optional.of(text(key, value)));
                default -> throw new InputException(document.sourceName() + ": unknown key '" + AT + "." + key
                        + "' (known: account, cpus_per_task, java, mem, options, partition, setup, time)");
            };
        }
        return settings;
    }

    public SlurmSettings withTime(String value) {
        return new SlurmSettings(Optional.of(value), mem, cpusPerTask, partition, account, options, setup, java);
    }

    public SlurmSettings withMem(String value) {
        return new SlurmSettings(time, Optional.of(value), cpusPerTask, partition, account, options, setup, java);
    }

    public SlurmSettings withCpusPerTask(int value) {
        return new SlurmSettings(time, mem, Optional.of(value), partition, account, options, setup, java);
    }

    public SlurmSettings withPartition(String value) {
        return new SlurmSettings(time, mem, cpusPerTask, Optional.of(value), account, options, setup, java);
    }

    public SlurmSettings withAccount(String value) {
        return new SlurmSettings(time, mem, cpusPerTask, partition, Optional.of(value), options, setup, java);
    }

    /** The {@code #SBATCH} options for these resources, in a fixed order. */
    List<String> sbatchOptions() {
        List<String> lines = new ArrayList<>();
        time.ifPresent(v -> lines.add("--time=" + v));
        mem.ifPresent(v -> lines.add("--mem=" + v));
        cpusPerTask.ifPresent(v -> lines.add("--cpus-per-task=" + v));
        partition.ifPresent(v -> lines.add("--partition=" + v));
        account.ifPresent(v -> lines.add("--account=" + v));
        lines.addAll(options);
        return lines;
    }

    private static String text(String key, JsonNode value) {
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank() || value.asText().contains("\n")) {
            throw new InputException(AT + "." + key + ": expected one line of text, got " + value);
        }
        return value.asText();
    }

    private static List<String> texts(String key, JsonNode value) {
        if (!value.isArray()) {
            throw new InputException(AT + "." + key + ": expected a list of lines, got " + value);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            lines.add(text(key + "[" + i + "]", value.get(i)));
        }
        return lines;
    }
}
