package palsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code palsim sweep --executor spark} on real Spark, through the packaged jars as the launcher
 * starts them: {@code local[2]}, and a standalone master with one worker started on loopback by the
 * test (executors in JVMs of their own, fed palsim's jars by the driver). The sweep: 2 rules × 3
 * seeds of a tiny microcircuit at 3 learning rates, the last of which diverges, so Spark retries
 * that task and it is reported, not fatal. Each aggregate (sweep.json, metrics.csv, the points'
 * summary.json) must equal the local executor's bit for bit.
 */
class SparkSweepIT {
    static final String CONFIG = """
            task: bw_only
            seeds: [1]
            epochs: 2
            model:
              layers: [3, 6, 3]
              activation: logistic
              dt: 0.01
              taur: 1.0
              conductances: {g_l: 0.03, g_bas: 0.1, g_api: 0.06, g_den: 0.1, g_ni: 0.06, g_ntgt: 0.06}
              init_in_sps: true
              init_w_range: [-1, 1]
              init_wip_range: [-1, 1]
              init_b_range: [-1, 1]
              init_bpi_range: [-1, 1]
              eta_fw: [1, 1]
              eta_ip: [0]
              eta_pi: [5]
            protocol: {settling_time: 10, presentation_time: 1, dataset_size: 10, record_interval: 100}
            rules:
              pal:
                noise: {std: [0.05], tau: 0.1, refresh_interval: 0.01}
                tau_high_pass: 0.1
                learning_rates: [50]
                decay: [1e-5]
                tau_forward_low_pass: 100
              fa: {}
            teacher: {init_w_range: [-1, 1], init_wip_range: [-1, 1], init_b_range: [-1, 1], init_bpi_range: [-1, 1]}
            sweep:
              grid:
                rules.pal.learning_rates: [[10], [50], [1e300]]
              seeds: [1, 2, 3]
            """;
    static final List<String> AGGREGATE = List.of("sweep.json", "metrics.csv", "point-000/summary.json",
            "point-001/summary.json", "point-000/metrics.csv", "point-001/metrics.csv", "point-002/provenance.json");
    static final String DIVERGED = "point-002  rules.pal.learning_rates=[1.0E300]  failed: simulation diverged (rule pal,"
            + " seeds 1, 2, 3) at step 1003: somatic voltage (seed 1) of layer 1 is not finite";

    static final Path APP_JAR = Path.of("../palsim-app/target/palsim.jar").toAbsolutePath().normalize();
    static final Path SPARK_JAR = Path.of("target/palsim-spark.jar").toAbsolutePath();
    static final Path LIB = Path.of("target/lib").toAbsolutePath();

    @TempDir
    static Path dir;

    @BeforeAll
    static void localReference() throws Exception {
        assertThat(APP_JAR).as("palsim.jar (failsafe runs after package)").exists();
        assertThat(SPARK_JAR).exists();
        Files.writeString(dir.resolve("tiny.yaml"), CONFIG);
        Run local = palsim("sweep", "tiny.yaml", "--out", "local", "--threads", "2");
        assertThat(local.exitCode()).as(local.output()).isEqualTo(3);
        assertThat(local.output()).contains(DIVERGED);
    }

    @Test
    void localModeGivesTheLocalAggregateAndReportsThePointThatFailedTwice() throws Exception {
        Run spark = palsim("sweep", "tiny.yaml", "--out", "local2", "--executor", "spark", "--master", "local[2]",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1");
        assertThat(spark.exitCode()).as(spark.output()).isEqualTo(3);
        assertThat(spark.output()).contains("palsim: Spark job on local[2,2]: 3 points",
                "palsim: Spark: a task failed on", "(attempt 1); Spark retries it", "palsim: Spark: 3 of 3 points finished",
                "Sweep finished: 2 of 3 points completed", DIVERGED,
                "palsim: run the failed points again with: palsim sweep --retry-failed local2 --executor spark");
        assertSameAggregate("local2");
    }

    @Test
    void aStandaloneClusterOnLoopbackGivesTheLocalAggregateWithRunDirectoriesWrittenThroughHadoop() throws Exception {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createSymbolicLink(home.resolve("jars"), LIB);
        int port = freePort();
        List<Process> daemons = new ArrayList<>();
        try {
            Process master = daemon(home, "master.log", "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
            daemons.add(master);
            // The worker only once the master listens: a worker that finds no master retries after seconds.
            awaitLine(dir.resolve("master.log"), "I have been elected leader", Duration.ofMinutes(3), master);
            Process worker = daemon(home, "worker.log", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "2", "--memory", "2g", "--webui-port", Integer.toString(freePort()),
                    "--work-dir", dir.resolve("work").toString(), "spark://127.0.0.1:" + port);
            daemons.add(worker);
            awaitLine(dir.resolve("worker.log"), "Successfully registered with master", Duration.ofMinutes(3), worker);

            String remote = dir.resolve("remote").toUri().toString();
            Run spark = palsim("sweep", "tiny.yaml", "--out", "standalone", "--executor", "spark",
                    "--master", "spark://127.0.0.1:" + port, "--output", remote,
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                    "--conf", "spark.executor.memory=1g");
            assertThat(spark.exitCode()).as(spark.output()).isEqualTo(3);
            assertThat(spark.output()).contains("palsim: Spark job on spark://127.0.0.1:" + port + ": 3 points",
                    "run directories to " + remote, "(attempt 1); Spark retries it", DIVERGED);
            assertSameAggregate("standalone");
            // The run directories themselves went to the output location, complete.
            for (String file : List.of("metrics.csv", "summary.json", "figures/angle_B_WT.svg")) {
                assertThat(Files.readAllBytes(dir.resolve("remote/point-001").resolve(file))).as(file)
                        .isEqualTo(Files.readAllBytes(dir.resolve("local/point-001").resolve(file)));
            }
            assertThat(dir.resolve("remote/point-002/metrics.partial.csv")).exists();
            // The executors ran in JVMs the worker started, not in the driver.
            try (var apps = Files.list(dir.resolve("work"))) {
                assertThat(apps.toList()).isNotEmpty();
            }
        } finally {
            for (Process daemon : daemons.reversed()) {
                daemon.descendants().forEach(ProcessHandle::destroy);
                daemon.destroy();
                daemon.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void assertSameAggregate(String actual) throws IOException {
        for (String file : AGGREGATE) {
            byte[] expected = Files.readAllBytes(dir.resolve("local").resolve(file));
            if (file.endsWith("provenance.json")) {
                // when, where and how it ran differ; how it ended does not
                assertThat(Files.readString(dir.resolve(actual).resolve(file))).contains("\"status\" : \"failed\"",
                        "\"kind\" : \"diverged\"");
                continue;
            }
            assertThat(Files.readAllBytes(dir.resolve(actual).resolve(file))).as(actual + "/" + file).isEqualTo(expected);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Spark's module options (as its own launcher gives them) and the Vector API module. */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true",
                "-Dio.netty.tryReflectionSetAccessible=true", "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED"));
        for (String pkg : List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio",
                "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref", "sun.nio.ch",
                "sun.nio.cs", "sun.util.calendar")) {
            options.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
        }
        return options;
    }

    /** A Spark master or worker, on loopback, its output in {@code log}. */
    private static Process daemon(Path home, String log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions());
        command.addAll(List.of("-Xmx512m", "-Dspark.master.rest.enabled=false", "-cp", LIB + "/*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private static void awaitLine(Path log, String line, Duration limit, Process process) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            assertThat(process.isAlive()).as("the Spark daemon is running: " + (Files.exists(log) ? Files.readString(log) : "")).isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + line + "' in " + log + " after " + limit + ":\n" + Files.readString(log));
    }

    record Run(int exitCode, String output) {}

    /** palsim as the launcher starts it when palsim-spark is built. */
    private static Run palsim(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", APP_JAR + ":" + SPARK_JAR, "palsim.app.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("palsim finished").isTrue();
        return new Run(process.exitValue(), output);
    }
}
