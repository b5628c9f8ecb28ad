package palsim.core.microcircuit;

/**
 * The conductances of the dendritic microcircuit and the quantities derived from them
 * (microcircuit.md §1). Units are 1/ms.
 *
 * <table>
 *   <caption>Spec symbol → component</caption>
 *   <tr><th>spec</th><th>here</th><th>meaning</th></tr>
 *   <tr><td>g_l</td><td>{@code leak}</td><td>leak of every soma</td></tr>
 *   <tr><td>g_bas</td><td>{@code basal}</td><td>basal dendrite → pyramidal soma</td></tr>
 *   <tr><td>g_api</td><td>{@code apical}</td><td>apical dendrite → hidden pyramidal soma</td></tr>
 *   <tr><td>g_den</td><td>{@code dendrite}</td><td>interneuron dendrite → interneuron soma</td></tr>
 *   <tr><td>g_nI</td><td>{@code interneuronNudging}</td><td>nudging of an interneuron by the layer above</td></tr>
 *   <tr><td>g_ntgt</td><td>{@code targetNudging}</td><td>nudging of an output soma by the target</td></tr>
 * </table>
 *
 * @param leak g_l
 * @param basal g_bas
 * @param apical g_api
 * @param dendrite g_den
 * @param interneuronNudging g_nI
 * @param targetNudging g_ntgt
 */
public record Conductances(
        double leak, double basal, double apical, double dendrite, double interneuronNudging, double targetNudging) {

    /** The values of every configuration of the paper: 0.03, 0.1, 0.06, 0.1, 0.06, 0.06. */
    public static final Conductances PAPER = new Conductances(0.03, 0.1, 0.06, 0.1, 0.06, 0.06);

    public Conductances {
        requirePositive("g_l", leak);
        requirePositive("g_bas", basal);
        requirePositive("g_api", apical);
        requirePositive("g_den", dendrite);
        requirePositive("g_ni", interneuronNudging);
        requirePositive("g_ntgt", targetNudging);
    }

    /** G_P = g_l + g_bas + g_api, the total conductance of a hidden pyramidal soma (τ_P = 1/G_P). */
    public double hiddenTotal() {
        return leak + basal + apical;
    }

    /**
     * G_N = g_l + g_bas + g_ntgt, the total conductance of an output soma (τ_N = 1/G_N), used with
     * and without a target (quirk 2).
     */
    public double outputTotal() {
        return leak + basal + targetNudging;
    }

    /** G_I = g_l + g_den + g_nI, the total conductance of an interneuron soma (τ_I = 1/G_I). */
    public double interneuronTotal() {
        return leak + dendrite + interneuronNudging;
    }

    /** a_h = g_bas/G_P, the basal attenuation of a hidden pyramidal cell. */
    public double hiddenBasalAttenuation() {
        return basal / hiddenTotal();
    }

    /** a_o = g_bas/(g_l + g_bas), the basal attenuation of a free output cell. */
    public double outputBasalAttenuation() {
        return basal / (leak + basal);
    }

    /** a_d = g_den/(g_l + g_den), the dendritic attenuation of an interneuron (ignores g_nI, quirk 9). */
    public double interneuronDendriteAttenuation() {
        return dendrite / (leak + dendrite);
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("conductances." + field + " must be finite and > 0, got " + value);
        }
    }
}
