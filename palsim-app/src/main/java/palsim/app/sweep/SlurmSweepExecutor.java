package palsim.app.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import palsim.app.InputException;
import palsim.app.run.FailureReport;

/**
 * Runs a sweep's points as one SLURM job array ({@code sbatch --array}), one array task per point;
 * it only shells out to {@code sbatch}, {@code squeue} and {@code sacct}. Each task runs
 * {@code palsim sweep --out DIR --point N} on a compute node, which reads the sweep directory's
 * sweep.yaml and runs point N through the same code as a local sweep, so the sweep directory must
 * be on a file system the nodes share (docs/distributed.md). The executor waits for the array to
 * leave the queue, printing progress, and then reads each point's outcome from its run directory
 * ({@link RecordedOutcome}); a failed point's message names its task log and, where the cluster
 * keeps accounting, the task's SLURM state.
 */
public final class SlurmSweepExecutor implements SweepExecutor {
    /** The sweep directory's folder for the job script and the tasks' logs. */
    public static final String FOLDER = "slurm";
    /** The job script, as submitted. */
    public static final String SCRIPT = FOLDER + "/sweep.sbatch";

    private static final int MAX_SQUEUE_FAILURES = 10;
    private static final Pattern TASK = Pattern.compile("^(\\d+)_(\\d+)\\|(\\S+)(?:\\|(\\S+))?$");

    private final Path directory;
    private final SlurmSettings settings;
    private final List<String> workerCommand;
    private final String jobName;
    private final Duration poll;
    private final PrintWriter progress;
    private final boolean wait;
    private String jobId;

    /**
     * @param directory the sweep directory (absolute; shared with the compute nodes)
     * @param settings what each task asks for
     * @param workerCommand how a compute node starts palsim: the java binary, its options and the jar
     * @param jobName the array's name in the queue
     * @param poll how often to ask squeue
     * @param progress where progress lines go
     * @param wait false to return right after submitting (the points then read as not yet run)
     */
    public SlurmSweepExecutor(Path directory, SlurmSettings settings, List<String> workerCommand, String jobName,
            Duration poll, PrintWriter progress, boolean wait) {
        this.directory = directory.toAbsolutePath().normalize();
        this.settings = settings;
        this.workerCommand = List.copyOf(workerCommand);
        this.jobName = jobName;
        this.poll = poll;
        this.progress = progress;
        this.wait = wait;
    }

    /** The job id sbatch gave the array, once submitted. */
    public String jobId() {
        return jobId;
    }

    /** Whether {@code sbatch} is on the PATH. */
    public static boolean available() {
        try {
            return run(List.of("sbatch", "--version")).exitCode() == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** The batch script that runs {@code points}: one array task per point, the task id being the point's index. */
    public String script(List<SweepPoint> points) {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("# palsim sweep: one array task per sweep point; task N runs point N of ").append(directory).append('\n');
        s.append("#SBATCH --job-name=").append(jobName).append('\n');
        s.append("#SBATCH --array=").append(arraySpec(points)).append('\n');
        s.append("#SBATCH --output=").append(directory.resolve(FOLDER)).append("/point-%3a.out\n");
        for (String option : settings.sbatchOptions()) {
            s.append("#SBATCH ").append(option).append('\n');
        }
        s.append("set -euo pipefail\n");
        for (String line : settings.setup()) {
            s.append(line).append('\n');
        }
        List<String> command = new ArrayList<>(workerCommand);
        settings.java().ifPresent(java -> command.set(0, java));
        s.append("exec ").append(command.stream().map(SlurmSweepExecutor::quote).collect(Collectors.joining(" ")))
                .append(" sweep --out ").append(quote(directory.toString()))
                .append(" --point \"$SLURM_ARRAY_TASK_ID\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"\n");
        return s.toString();
    }

    /** The points' indices as an array range: {@code 0-5}, or {@code 1,3,4} when some are left out. */
    static String arraySpec(List<SweepPoint> points) {
        int first = points.getFirst().index();
        int last = points.getLast().index();
        if (last - first + 1 == points.size()) {
            return first + "-" + last;
        }
        return points.stream().map(p -> Integer.toString(p.index())).collect(Collectors.joining(","));
    }

    /** The log of point {@code point}'s task. */
    public Path log(SweepPoint point) {
        return directory.resolve(FOLDER).resolve(String.format(Locale.ROOT, "point-%03d.out", point.index()));
    }

    @Override
    public List<Outcome> runAll(List<SweepPoint> points, PointRunner runner) {
        if (points.isEmpty()) {
            return List.of();
        }
        Path script = directory.resolve(SCRIPT);
        try {
            Files.createDirectories(script.getParent());
            Files.writeString(script, script(points));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + script + ": " + e.getMessage(), e);
        }
        Result submitted = run(List.of("sbatch", "--parsable", script.toString()));
        if (submitted.exitCode() != 0) {
            throw new InputException("sbatch refused the sweep's job array: " + oneLine(submitted.output())
                    + " (script: " + script + ")");
        }
        // --parsable prints "<id>" or "<id>;<cluster>"; sbatch's warnings may come before it.
        jobId = submitted.output().lines().map(String::strip).filter(l -> l.matches("\\d+(;\\S*)?")).reduce((a, b) -> b)
                .map(l -> l.split(";")[0])
                .orElseThrow(() -> new IllegalStateException("sbatch gave no job id: " + oneLine(submitted.output())));
        progress.printf(Locale.ROOT, "palsim: submitted SLURM job array %s: %d task%s, logs in %s/%n", jobId, points.size(),
                points.size() == 1 ? "" : "s", directory.resolve(FOLDER));
        progress.flush();
        if (!wait) {
            return points.stream().map(p -> new Outcome(p, new FailureReport(FailureReport.Kind.INTERNAL,
                    "submitted as task " + p.index() + " of SLURM job " + jobId + "; not finished yet"))).toList();
        }
        waitForQueue(points.size());
        Map<Integer, String> states = states();
        List<Outcome> outcomes = new ArrayList<>();
        for (SweepPoint point : points) {
            Outcome outcome = RecordedOutcome.of(directory, point);
            if (!outcome.completed()) {
                String state = states.get(point.index());
                outcome = new Outcome(point, new FailureReport(outcome.failure().kind(), outcome.failure().message()
                        + " (" + (state == null ? "" : "SLURM state " + state + "; ") + "log: " + log(point) + ")"));
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** Polls squeue until none of the array's tasks is queued or running, printing each change of counts. */
    private void waitForQueue(int tasks) {
        String last = "";
        int squeueFailures = 0;
        while (true) {
            Result queue = run(List.of("squeue", "-h", "-r", "-j", jobId, "-o", "%i|%T"));
            if (queue.exitCode() != 0 && !queue.output().contains("Invalid job id")) {
                // A busy controller times out now and then; give up only when it keeps failing.
                if (++squeueFailures >= MAX_SQUEUE_FAILURES) {
                    throw new IllegalStateException("squeue failed " + squeueFailures + " times in a row (" + oneLine(queue.output())
                            + "); SLURM job " + jobId + " goes on: collect it later with palsim sweep --collect " + directory);
                }
                pause();
                continue;
            }
            squeueFailures = 0;
            Map<String, Integer> counts = new TreeMap<>();
            int queued = 0;
            for (String line : queue.exitCode() == 0 ? queue.output().lines().toList() : List.<String>of()) {
                Matcher m = TASK.matcher(line.strip());
                if (m.matches() && m.group(1).equals(jobId)) {
                    counts.merge(m.group(3).toLowerCase(Locale.ROOT), 1, Integer::sum);
                    queued++;
                }
            }
            if (queue.exitCode() == 0 && queued == 0 && !queue.output().isBlank()) {
                // The array's lines not split per task yet (e.g. "123_[0-5]|PENDING"): all pending.
                counts.put("pending", tasks);
                queued = tasks;
            }
            String line = String.format(Locale.ROOT, "palsim: SLURM job %s: %d of %d finished%s", jobId, tasks - queued, tasks,
                    counts.isEmpty() ? "" : ", " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", ")));
            if (!line.equals(last)) {
                progress.println(line);
                progress.flush();
                last = line;
            }
            if (queued == 0) {
                return;
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for SLURM job " + jobId
                    + " (it goes on; collect it later with palsim sweep --collect " + directory + ")", e);
        }
    }

    /**
     * Each finished task's SLURM state and exit code ({@code FAILED 1:0}, {@code TIMEOUT 0:0}) from
     * sacct, or from scontrol where the cluster keeps no accounting; empty when neither knows.
     */
    private Map<Integer, String> states() {
        Map<Integer, String> states = new HashMap<>();
        Result sacct = run(List.of("sacct", "-n", "-P", "-X", "-j", jobId, "-o", "JobID,State,ExitCode"));
        if (sacct.exitCode() == 0) {
            for (String line : sacct.output().lines().toList()) {
                Matcher m = TASK.matcher(line.strip());
                if (m.matches() && m.group(1).equals(jobId)) {
                    states.put(Integer.parseInt(m.group(2)), m.group(3) + (m.group(4) == null ? "" : " " + m.group(4)));
                }
            }
            return states;
        }
        Result scontrol = run(List.of("scontrol", "-o", "show", "job", jobId));
        if (scontrol.exitCode() == 0) {
            Pattern fields = Pattern.compile("ArrayTaskId=(\\d+) .*?JobState=(\\S+) .*?ExitCode=(\\S+)");
            for (String line : scontrol.output().lines().toList()) {
                Matcher m = fields.matcher(line);
                if (m.find()) {
                    states.put(Integer.parseInt(m.group(1)), m.group(2) + " " + m.group(3));
                }
            }
        }
        return states;
    }

    record Result(int exitCode, String output) {}

    /** Runs {@code command}, waits for it and returns its exit code and its output (stdout and stderr). */
    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    /** {@code word} quoted for bash where it needs it. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
