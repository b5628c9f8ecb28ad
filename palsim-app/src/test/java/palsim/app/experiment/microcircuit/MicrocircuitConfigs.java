package palsim.app.experiment.microcircuit;

import palsim.app.config.ConfigDocument;
import palsim.app.experiment.Experiments;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunOverrides;

/** Small configs of both microcircuit tasks for tests, and parsing them like {@code palsim run} does. */
final class MicrocircuitConfigs {
    private MicrocircuitConfigs() {}

    /**
     * Task bw_only on the Fig. 1b network with a short protocol: settling 10 ms, 20 samples of 1 ms
     * per epoch (2000 steps), 3 epochs.
     */
    static final String ALIGNMENT = """
            task: bw_only
            seeds: [123, 456]
            epochs: 3
            model:
              layers: [5, 20, 10, 20, 5]
              eta_fw: [1, 1, 1, 1]
              eta_ip: [0, 0, 0]
              eta_pi: [5, 5, 5]
            protocol:
              settling_time: 10
              dataset_size: 20
            rules:
              fa: {}
              pal:
                noise: {std: [0.05, 0.05, 0.05], tau: 0.1, refresh_interval: 0.01}
                tau_high_pass: 0.1
                learning_rates: [50, 50, 50]
                decay: [1e-5, 1e-5, 1e-5]
                tau_forward_low_pass: 100
            """;

    /** The lines of {@link #TEACHER_STUDENT} that shorten the paper's protocol. */
    static final String SHORT_PROTOCOL = """
            protocol:
              settling_time: 10
              dataset_size: 20
            """;

    /**
     * Task fw_bw on the Fig. 1d network [1-1-1] with a short protocol (settling 10 ms, 20 samples
     * of 1 ms per epoch), 4 epochs; without {@link #SHORT_PROTOCOL} it is the paper's protocol.
     */
    static final String TEACHER_STUDENT = """
            task: fw_bw
            seeds: [1, 2]
            epochs: 4
            protocol:
              settling_time: 10
              dataset_size: 20
            model:
              layers: [1, 1, 1]
              init_w_range: [-1, 0]
              init_b_range: [-1, 0]
              eta_fw: [2, 0.5]
              eta_ip: [10]
              eta_pi: [0.5]
            rules:
              bp:
                overrides: {eta_pi: [0]}
              fa:
                overrides: {eta_pi: [0]}
              pal:
                noise: {std: [0.01], tau: 0.1, refresh_interval: 0.01}
                tau_high_pass: 0.1
                learning_rates: [20]
                decay: [1e-6]
                tau_forward_low_pass: 100
            teacher:
              init_w_range: [2, 2]
            """;

    /** Parses a config as {@code palsim run} does (unknown keys rejected). */
    static ExperimentRunner.PreparedRun<?> prepare(String yaml) {
        return new ExperimentRunner(Experiments.standard()).prepare(ConfigDocument.parse(yaml, "test.yaml"), RunOverrides.none());
    }

    static AlignmentSettings alignment(String yaml) {
        return (AlignmentSettings) prepare(yaml).settings();
    }

    static TeacherStudentSettings teacherStudent(String yaml) {
        return (TeacherStudentSettings) prepare(yaml).settings();
    }

    /** {@code yaml} with the first occurrence of {@code line} replaced, failing if it is absent. */
    static String with(String yaml, String line, String replacement) {
        if (!yaml.contains(line)) {
            throw new IllegalArgumentException("no '" + line + "' in the config");
        }
        return yaml.replaceFirst(java.util.regex.Pattern.quote(line), java.util.regex.Matcher.quoteReplacement(replacement));
    }
}
