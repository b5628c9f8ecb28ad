package palsim.app.experiment.autoencoder;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import palsim.app.experiment.EpochPanels;
import palsim.app.experiment.MetricNames;
import palsim.app.experiment.MetricsSink;
import palsim.app.metrics.PrincipalComponents;
import palsim.app.plot.ClassScatter;
import palsim.app.plot.EpochCurves;
import palsim.app.plot.Figure;

/**
 * The figures of the experiment, built from what the jobs recorded (the paper's Fig. 1f–h):
 *
 * <ul>
 *   <li>{@code latents} (f): the test latents after the last epoch, one panel per rule (its first
 *       seed), coloured by digit; latents of more than two units are drawn as their first two
 *       principal components, which the title and axes say;
 *   <li>{@code lin_sep} (g): linear separability of the latents over epochs, mean ± std over seeds
 *       per rule;
 *   <li>{@code angle_B_WT} (h): ∠(B_ℓ, W_{ℓ+1}ᵀ) over epochs, one panel per layer ℓ, for the rules
 *       with feedback matrices (PAL, and FA as the unaligned reference);
 *   <li>{@code mse}: the test reconstruction error over epochs.
 * </ul>
 */
final class AutoencoderFigures {
    static final String LATENTS = "latents";
    static final String LINEAR_SEPARABILITY = "lin_sep";
    static final String ANGLES = "angle_B_WT";
    static final String RECONSTRUCTION = "mse";

    private final AutoencoderSettings settings;
    private final MetricsSink metrics;

    AutoencoderFigures(AutoencoderSettings settings, MetricsSink metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * Fig. 1f, or nothing for a one-unit latent. A latent of more than two units is drawn as its
     * first two principal components (per panel), and the figure says so.
     *
     * @param firstSeedLatents per rule (config order), the test latents of its first seed
     */
    Optional<Figure> latentScatter(List<TestLatents> firstSeedLatents) {
        int units = settings.network().latentSize();
        if (units < 2 || firstSeedLatents.isEmpty()) {
            return Optional.empty();
        }
        int epoch = firstSeedLatents.get(0).epoch();
        int columns = Math.min(3, firstSeedLatents.size());
        if (units == 2) {
            ClassScatter scatter = new ClassScatter("Latent codes of the test digits after epoch " + epoch,
                    "latent unit 1", "latent unit 2").layout(columns, 420, 3);
            for (TestLatents l : firstSeedLatents) {
                scatter.panel(l.rule() + " (seed " + l.seed() + ")", l.codes(), l.labels());
            }
            return Optional.of(scatter.toFigure());
        }
        ClassScatter scatter = new ClassScatter(String.format(Locale.ROOT,
                "Latent codes of the test digits after epoch %d: first two principal components of the %d units",
                epoch, units), "principal component 1", "principal component 2").layout(columns, 420, 3);
        for (TestLatents l : firstSeedLatents) {
            PrincipalComponents pca = PrincipalComponents.firstTwo(l.codes(), units);
            scatter.panel(String.format(Locale.ROOT, "%s (seed %d; PC 1, 2: %.0f %%, %.0f %% of the variance)", l.rule(),
                    l.seed(), 100 * pca.explained()[0], 100 * pca.explained()[1]), pca.projected(), l.labels());
        }
        return Optional.of(scatter.toFigure());
    }

    /** Fig. 1g. */
    Figure linearSeparability() {
        EpochCurves curves = new EpochCurves("Linear separability of the latent codes", "lin_sep (test accuracy)")
                .showSeeds(true).referenceLine(0.1, "chance (10 digits)").layout(1, 560, 400);
        EpochPanels.add(curves, "population " + settings.network().latentPopulation() + " ("
                + settings.network().latentSize() + " units)", metrics, settings.rules(), MetricNames.LIN_SEP,
                MetricsSink.NETWORK);
        return curves.toFigure();
    }

    /** Fig. 1h, or nothing if no rule recorded angles. */
    Optional<Figure> feedbackAngles() {
        List<String> rules = settings.ruleSetups().stream().filter(RuleSetup::hasFeedbackMatrices).map(RuleSetup::name)
                .filter(r -> !metrics.curves(r, MetricNames.ANGLE_B_WT, 1).isEmpty()).toList();
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        int layers = settings.network().layers();
        EpochCurves curves = new EpochCurves("Alignment of the feedback weights B with Wᵀ", "∠(B, Wᵀ) (°)").showSeeds(true)
                .referenceLine(90, "90° (unaligned)").layout(Math.min(3, layers - 1), 440, 330);
        for (int layer = 1; layer < layers; layer++) {
            EpochPanels.add(curves, String.format(Locale.ROOT, "B_%d (fc%d → population %d)", layer, layer + 1, layer),
                    metrics, rules, MetricNames.ANGLE_B_WT, layer);
        }
        return Optional.of(curves.toFigure());
    }

    /** ∠(ΔW_k, ΔW_k^BP) per hidden forward projection, or nothing if it was not recorded. */
    Optional<Figure> updateAngles() {
        if (!settings.metrics().updateAngle()) {
            return Optional.empty();
        }
        int hidden = settings.network().layers() - 1;
        EpochCurves curves = new EpochCurves("Hidden-layer updates against backpropagation's", "∠(ΔW, ΔW_BP) (°)")
                .showSeeds(true).referenceLine(0, "0° (backpropagation)").layout(Math.min(3, hidden), 440, 330);
        for (int layer = 1; layer <= hidden; layer++) {
            EpochPanels.add(curves, String.format(Locale.ROOT, "W_%d (fc%d)", layer, layer), metrics, settings.rules(),
                    MetricNames.ANGLE_DW_BP, layer);
        }
        return Optional.of(curves.toFigure());
    }

    /** The reconstruction error (linear axis: it spans less than a decade after epoch 0). */
    Figure reconstructionError() {
        EpochCurves curves = new EpochCurves("Reconstruction error of the test digits", "mse (mean over pixels)")
                .showSeeds(true).layout(1, 560, 400);
        EpochPanels.add(curves, "output population " + settings.network().layers(), metrics, settings.rules(),
                MetricNames.MSE, MetricsSink.NETWORK);
        return curves.toFigure();
    }
}
