package palsim.app.verify;

import java.util.LinkedHashMap;
import java.util.Map;
import palsim.core.microcircuit.CircuitQuantity;

/**
 * The names a trace file gives the state quantities (the reference implementation's attribute
 * names), in the order palsim reports them, and the palsim quantity each one is.
 */
final class TraceNames {
    /** Trace name → quantity, in report order. */
    static final Map<String, CircuitQuantity> STATE = states();

    private TraceNames() {}

    /** The trace's name of {@code q}, or null if traces do not record it. */
    static String of(CircuitQuantity q) {
        for (Map.Entry<String, CircuitQuantity> e : STATE.entrySet()) {
            if (e.getValue() == q) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Map<String, CircuitQuantity> states() {
        Map<String, CircuitQuantity> m = new LinkedHashMap<>();
        m.put("uP", CircuitQuantity.SOMATIC_VOLTAGE);
        m.put("uP_old", CircuitQuantity.PREVIOUS_SOMATIC_VOLTAGE);
        m.put("uP_breve", CircuitQuantity.PROSPECTIVE_VOLTAGE);
        m.put("rP_breve", CircuitQuantity.RATE);
        m.put("rP_breve_old", CircuitQuantity.PREVIOUS_RATE);
        m.put("rP_breve_HI", CircuitQuantity.HIGH_PASS);
        m.put("vbas", CircuitQuantity.BASAL_POTENTIAL);
        m.put("vbas_old", CircuitQuantity.PREVIOUS_BASAL_POTENTIAL);
        m.put("uI", CircuitQuantity.INTERNEURON_VOLTAGE);
        m.put("uI_old", CircuitQuantity.PREVIOUS_INTERNEURON_VOLTAGE);
        m.put("uI_breve", CircuitQuantity.INTERNEURON_PROSPECTIVE_VOLTAGE);
        m.put("rI_breve", CircuitQuantity.INTERNEURON_RATE);
        m.put("rI_breve_old", CircuitQuantity.PREVIOUS_INTERNEURON_RATE);
        m.put("vden", CircuitQuantity.DENDRITIC_POTENTIAL);
        m.put("vden_old", CircuitQuantity.PREVIOUS_DENDRITIC_POTENTIAL);
        m.put("vapi", CircuitQuantity.APICAL_POTENTIAL);
        m.put("vapi_old", CircuitQuantity.PREVIOUS_APICAL_POTENTIAL);
        m.put("noise", CircuitQuantity.NOISE);
        m.put("WPP", CircuitQuantity.FORWARD_WEIGHTS);
        m.put("WIP", CircuitQuantity.PYRAMID_TO_INTERNEURON_WEIGHTS);
        m.put("BPP", CircuitQuantity.FEEDBACK_WEIGHTS);
        m.put("BPI", CircuitQuantity.INTERNEURON_TO_PYRAMID_WEIGHTS);
        m.put("dWPP_LO", CircuitQuantity.FORWARD_LOW_PASS);
        return m;
    }
}
