package palsim.app.verify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import palsim.app.data.DataFileException;
import palsim.core.feedback.Backprop;
import palsim.core.feedback.ExploratoryNoise;
import palsim.core.feedback.FeedbackAlignment;
import palsim.core.feedback.FeedbackRule;
import palsim.core.feedback.PhaselessAlignment;
import palsim.core.microcircuit.Conductances;
import palsim.core.microcircuit.MicrocircuitSpec;
import palsim.core.neuron.Activation;

/**
 * Builds the microcircuit of a trace from its {@code meta.params}: the reference implementation's
 * own parameter file, with its parameter names (docs/verify.md lists them). Every parameter either
 * maps onto the circuit, is one of the switches whose value palsim's circuit has built in (which
 * must then have that value), or does not act on a single step (protocol, initialisation, recording)
 * and is ignored. Anything else is rejected by name, so that no setting of a recording is silently
 * dropped.
 */
final class TraceParameters {
    /** Switches of the reference whose value palsim's step implements (and no other). */
    private static final List<Object[]> FIXED = List.of(
            new Object[] {"noise_type", "OU"},
            new Object[] {"noise_mode", "const"},
            new Object[] {"inter_low_pass", false},
            new Object[] {"dWPP_r_low_pass", false},
            new Object[] {"dWPP_post_low_pass", false},
            new Object[] {"gate_regularizer", false},
            new Object[] {"varphi_regularizer", false},
            new Object[] {"dWPP_use_activation", true});

    /** Parameters that do not act on a step: the run protocol, the initial draw, the teacher, recording. */
    private static final Set<String> NOT_IN_A_STEP = Set.of("Tpres", "dataset_size", "epochs", "settling_time",
            "random_seed", "init_in_SPS", "input_signal", "copy_teacher_weights", "copy_teacher_voltages", "noise_deg",
            "init_WPP_range", "init_WIP_range", "init_BPP_range", "init_BPI_range", "init_teacher_WPP_range",
            "init_teacher_WIP_range", "init_teacher_BPP_range", "init_teacher_BPI_range");

    /** Parameters read below. */
    private static final Set<String> MAPPED = Set.of("dt", "dtxi", "tauHP", "tauLO", "tauxi", "taur", "layers",
            "activation", "model_type", "noise_scale", "gl", "gbas", "gapi", "gden", "gnI", "gntgt", "eta_fw", "eta_bw",
            "eta_IP", "eta_PI", "alpha", "pyr_hi_pass", "dWPP_low_pass");

    private TraceParameters() {}

    /** The circuit {@code params} describe. */
    static MicrocircuitSpec circuit(TraceNode params) {
        for (String key : params.keys()) {
            boolean known = MAPPED.contains(key) || NOT_IN_A_STEP.contains(key) || key.startsWith("rec_")
                    || key.startsWith("_") || FIXED.stream().anyMatch(f -> f[0].equals(key));
            if (!known) {
                throw params.field(key).error("unknown parameter (palsim cannot tell whether it changes the step)");
            }
        }
        for (Object[] fixed : FIXED) {
            String key = (String) fixed[0];
            if (params.has(key)) {
                TraceNode node = params.field(key);
                Object value = fixed[1] instanceof Boolean ? (Object) node.bool() : node.text();
                if (!value.equals(fixed[1])) {
                    throw node.error("palsim supports only " + fixed[1] + ", got " + value);
                }
            }
        }
        int[] layers = layers(params.field("layers"));
        int top = layers.length - 1;
        String model = params.field("model_type").text();
        FeedbackRule rule = switch (model.toUpperCase(Locale.ROOT)) {
            case "BP" -> new Backprop();
            case "FA" -> new FeedbackAlignment();
            case "PAL" -> phaselessAlignment(params, top);
            default -> throw params.field("model_type").error("palsim supports BP, FA and PAL, got '" + model + "'");
        };
        double dt = positive(params.field("dt"));
        Activation[] activations = activations(params.field("activation"), top);
        try {
            return MicrocircuitSpec.builder(layers)
                    .activations(activations)
                    .conductances(new Conductances(positive(params.field("gl")), positive(params.field("gbas")),
                            positive(params.field("gapi")), positive(params.field("gden")), positive(params.field("gnI")),
                            positive(params.field("gntgt"))))
                    .dt(dt)
                    .prospectiveFactor(params.has("taur") ? params.field("taur").number() : 1.0)
                    .forwardLearningRates(rates(params.field("eta_fw"), top, top))
                    .pyramidToInterneuronLearningRates(rates(params.field("eta_IP"), top - 1, top - 1))
                    .interneuronToPyramidLearningRates(rates(params.field("eta_PI"), top - 1, top - 1))
                    .feedbackRule(rule)
                    .build();
        } catch (DataFileException e) {
            throw e; // already names its place
        } catch (IllegalArgumentException e) {
            throw params.error(e.getMessage());
        }
    }

    private static FeedbackRule phaselessAlignment(TraceNode params, int top) {
        if (params.has("pyr_hi_pass") && !params.field("pyr_hi_pass").bool()) {
            throw params.field("pyr_hi_pass").error("palsim's PAL learns from the high-passed rates only (true), got false");
        }
        double[] std = rates(params.field("noise_scale"), top - 1, top - 1);
        // the reference lists α per layer and uses the first N−1 entries
        double[] alpha = Arrays.copyOf(rates(params.field("alpha"), top - 1, Integer.MAX_VALUE), top - 1);
        double lowPass = params.has("dWPP_low_pass") && !params.field("dWPP_low_pass").bool()
                ? 0.0 : positive(params.field("tauLO"));
        try {
            return new PhaselessAlignment(new ExploratoryNoise(std, positive(params.field("tauxi")),
                    positive(params.field("dtxi"))), positive(params.field("tauHP")),
                    rates(params.field("eta_bw"), top - 1, top - 1), alpha, lowPass);
        } catch (DataFileException e) {
            throw e; // already names its place
        } catch (IllegalArgumentException e) {
            throw params.error(e.getMessage());
        }
    }

    private static int[] layers(TraceNode node) {
        List<TraceNode> items = node.elements();
        if (items.size() < 3) {
            throw node.error("needs at least 3 populations (input, hidden…, output), got " + items.size());
        }
        int[] layers = new int[items.size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = items.get(i).integer();
            if (layers[i] < 1) {
                throw items.get(i).error("must be at least 1, got " + layers[i]);
            }
        }
        return layers;
    }

    /** One name for every layer, or a list of N names. */
    private static Activation[] activations(TraceNode node, int top) {
        Activation[] out = new Activation[top];
        if (node.isText()) {
            Arrays.fill(out, activation(node));
            return out;
        }
        List<TraceNode> items = node.elements();
        if (items.size() != top) {
            throw node.error("has " + items.size() + " entries; the network has " + top + " pyramidal layers");
        }
        for (int i = 0; i < top; i++) {
            out[i] = activation(items.get(i));
        }
        return out;
    }

    private static Activation activation(TraceNode node) {
        String name = node.text();
        String key = name.toLowerCase(Locale.ROOT).replace("-", "_");
        if (key.equals("hardsigmoid")) {
            key = "hard_sigmoid";
        }
        if (key.equals("clamp01")) { // a palsim name, not one of the reference's
            throw node.error("unknown activation '" + name + "'");
        }
        try {
            return Activation.byName(key);
        } catch (IllegalArgumentException e) {
            throw node.error("unknown activation '" + name + "' (palsim knows linear, relu, softplus, logistic, tanh,"
                    + " hard_sigmoid)");
        }
    }

    /** A list of non-negative numbers with at least {@code min} and at most {@code max} entries. */
    private static double[] rates(TraceNode node, int min, int max) {
        double[] v = node.vector(-1);
        if (v.length < min || v.length > max) {
            throw node.error("has " + v.length + " entries; the network needs " + (min == max ? "" : "at least ") + min);
        }
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0) || !Double.isFinite(v[i])) {
                throw node.error("entry " + i + " must be finite and >= 0, got " + v[i]);
            }
        }
        return v;
    }

    private static double positive(TraceNode node) {
        double v = node.number();
        if (!(v > 0) || !Double.isFinite(v)) {
            throw node.error("must be finite and > 0, got " + v);
        }
        return v;
    }
}
