package palsim.app.experiment.microcircuit;

import java.util.Objects;
import palsim.core.microcircuit.MicrocircuitSpec;

/**
 * One entry of the {@code rules} section: the rule's name and the complete student circuit it
 * runs (the model section with this rule and its learning-rate overrides applied).
 *
 * @param rule the rule's config name ({@code bp}, {@code fa}, {@code pal})
 * @param spec the students' circuit
 */
public record RuleCircuit(String rule, MicrocircuitSpec spec) {
    public RuleCircuit {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(spec, "spec");
    }
}
