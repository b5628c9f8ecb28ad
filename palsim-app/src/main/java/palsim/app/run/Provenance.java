package palsim.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import palsim.app.experiment.CommonSettings;

/**
 * provenance.json (docs/run-directory.md): who ran what, where, when, and how it ended. Written when
 * the run starts ({@code status: running}) and rewritten when it ends ({@code completed},
 * {@code failed} with the error, or {@code interrupted}).
 */
public final class Provenance {
    /** Values of {@code status}. */
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";

    private final SoftwareVersion software;
    private final MachineInfo machine;
    private final String commandLine;
    private final String configSource;
    private final CommonSettings common;
    private final List<String> rules;
    private final int threads;
    private final Instant start;
    private String status = RUNNING;
    private Instant end;
    private FailureReport failure;
    private boolean resumed;
    private String resumedFrom;

    public Provenance(SoftwareVersion software, MachineInfo machine, String commandLine, String configSource,
            CommonSettings common, List<String> rules, int threads, Instant start) {
        this.software = software;
        this.machine = machine;
        this.commandLine = commandLine;
        this.configSource = configSource;
        this.common = common;
        this.rules = List.copyOf(rules);
        this.threads = threads;
        this.start = start;
    }

    /** Marks the run as completed at {@code endTime}. */
    public synchronized void completed(Instant endTime) {
        status = COMPLETED;
        end = endTime;
    }

    /** Marks the run as failed at {@code endTime}. */
    public synchronized void failed(Instant endTime, FailureReport report) {
        status = FAILED;
        end = endTime;
        failure = report;
    }

    /** Marks the run as interrupted (the JVM is shutting down while it runs). */
    public synchronized void interrupted(Instant endTime) {
        status = INTERRUPTED;
        end = endTime;
    }

    /**
     * Marks the run as a resumed one ({@code palsim resume}), continued from {@code checkpoint} (its
     * path in the run directory), or started over when null (the run had written no checkpoint).
     */
    public synchronized void resumedFrom(String checkpoint) {
        resumed = true;
        resumedFrom = checkpoint;
    }

    /** When this run (or this resumed part of it) started. */
    public Instant startTime() {
        return start;
    }

    public synchronized String status() {
        return status;
    }

    /** provenance.json with the files written so far. */
    public synchronized String toJson(List<String> files) {
        ObjectNode root = Summary.JSON.createObjectNode();
        root.put("status", status);
        if (failure != null) {
            ObjectNode error = root.putObject("error");
            error.put("kind", failure.kind().label());
            error.put("exit_code", failure.exitCode());
            error.put("message", failure.message());
        }
        root.put("palsim_version", software.version());
        putOptional(root, "git_commit", software.gitCommit().orElse(null));
        if (software.gitDirty().isPresent()) {
            root.put("git_dirty", software.gitDirty().get());
        } else {
            root.putNull("git_dirty");
        }
        root.put("command_line", commandLine);
        root.put("config_source", configSource);
        if (resumed) {
            if (resumedFrom == null) {
                root.putNull("resumed_from");
            } else {
                root.put("resumed_from", resumedFrom);
            }
        }
        root.put("task", common.task());
        addAll(root.putArray("rules"), rules);
        ArrayNode seeds = root.putArray("seeds");
        common.seeds().forEach(seeds::add);
        root.put("epochs", common.epochs());
        root.put("threads", threads);
        root.put("start_time", start.truncatedTo(ChronoUnit.MILLIS).toString());
        putOptional(root, "end_time", end == null ? null : end.truncatedTo(ChronoUnit.MILLIS).toString());
        if (end != null) {
            root.put("wall_time_seconds", Duration.between(start, end).toMillis() / 1000.0);
        } else {
            root.putNull("wall_time_seconds");
        }
        ObjectNode jvm = root.putObject("jvm");
        jvm.put("vendor", machine.jvmVendor());
        jvm.put("version", machine.jvmVersion());
        jvm.put("name", machine.jvmName());
        ObjectNode os = root.putObject("os");
        os.put("name", machine.osName());
        os.put("version", machine.osVersion());
        os.put("arch", machine.arch());
        ObjectNode cpu = root.putObject("cpu");
        cpu.put("model", machine.cpuModel());
        cpu.put("cores", machine.cores());
        cpu.put("vector_bits", machine.vectorBits());
        addAll(root.putArray("files"), files);
        try {
            return Summary.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addAll(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void putOptional(ObjectNode node, String key, String value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
