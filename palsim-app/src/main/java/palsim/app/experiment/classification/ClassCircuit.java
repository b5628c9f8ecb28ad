package palsim.app.experiment.classification;

import java.util.Objects;
import palsim.core.microcircuit.MicrocircuitSpec;

/**
 * One line of results of a classification run: a rule entry (with its own name, e.g.
 * {@code pal_eta0}) and, in a hidden-size study, one hidden-layer size; the label is the entry's
 * name, or {@code name_hN} in a hidden-size study.
 *
 * @param label the name in metrics.csv's {@code rule} column
 * @param rule the rule entry's name
 * @param hidden the size of the (first) hidden layer
 * @param spec the circuit
 */
public record ClassCircuit(String label, String rule, int hidden, MicrocircuitSpec spec) {
    public ClassCircuit {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(spec, "spec");
    }
}
