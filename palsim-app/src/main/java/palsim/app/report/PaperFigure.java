package palsim.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's Fig. 1 (panels b–h) assembled from the runs of its presets, each panel one of the
 * runs' own figures with a caption that says what the panel shows, how many seeds, and what the
 * band and the thin lines are. Panels whose run is not among the report's runs are left out.
 */
final class PaperFigure {
    /** One panel: a run's figure and its caption. */
    record Panel(String letter, ReportRun run, ReportRun.Figure figure, String caption) {}

    private static final String BANDS = "Line: mean over %d %s; band: ± std over seeds; thin lines: single seeds.";

    private PaperFigure() {}

    /**
     * The panels, in the paper's order, if the runs of all four Fig. 1 presets (b, c, d/e and f–h,
     * the full or the sample protocol) are among {@code runs}; empty otherwise.
     */
    static List<Panel> of(List<ReportRun> runs) {
        List<Panel> panels = new ArrayList<>();
        for (List<String> preset : List.of(List.of("fig1b"), List.of("fig1c"), List.of("fig1e", "fig1d"),
                List.of("fig1fgh-sample", "fig1fgh"))) {
            if (runs.stream().noneMatch(r -> preset.contains(r.source()))) {
                return panels;
            }
        }
        add(panels, runs, "b", List.of("fig1b"), "angle_B_WT",
                "PAL aligns the feedback weights with the forward weights in the dendritic microcircuit [5-20-10-20-5]"
                        + " (linear regime, W frozen): angle between B and Wᵀ per hidden layer against epoch.");
        add(panels, runs, "c", List.of("fig1c"), "angle_B_WT",
                "The same in the nonlinear regime (W and B drawn from [−5, 5]): alignment is slower and less complete.");
        add(panels, runs, "d", List.of("fig1e", "fig1d"), "b_feedback",
                "Teacher–student [1-1-1] microcircuit, students start with W and B of the wrong sign: PAL flips the sign"
                        + " of its feedback weight B, FA keeps it, BP ties it to Wᵀ.");
        add(panels, runs, "e", List.of("fig1e", "fig1d"), "w_forward",
                "The forward weights of the same runs: after B has flipped, PAL's W_1 turns towards the teacher's"
                        + " value (dashed); FA's W_1 stays wrong.");
        add(panels, runs, "f", List.of("fig1fgh-sample", "fig1fgh"), "latents",
                "MNIST autoencoder of leaky-integrator (LE) neurons: the two-unit latent representation of test digits"
                        + " per rule, coloured by class.");
        add(panels, runs, "g", List.of("fig1fgh-sample", "fig1fgh"), "lin_sep",
                "Linear separability of the latent representation (test accuracy of a linear classifier) against"
                        + " epoch: BP > PAL > FA.");
        add(panels, runs, "h", List.of("fig1fgh-sample", "fig1fgh"), "angle_B_WT",
                "Angle between B and Wᵀ per layer of the autoencoder: PAL's feedback aligns, FA's stays near 90°.");
        return panels;
    }

    private static void add(List<Panel> panels, List<ReportRun> runs, String letter, List<String> sources, String figure,
            String what) {
        for (String source : sources) {
            for (ReportRun run : runs) {
                ReportRun.Figure f = run.figure(figure);
                if (run.source().equals(source) && f != null) {
                    String bands = figure.equals("latents") ? "One seed's test digits, after the last epoch."
                            : String.format(Locale.ROOT, BANDS, run.seeds(), run.seeds() == 1 ? "seed" : "seeds");
                    panels.add(new Panel(letter, run, f, what + " " + bands + " Run " + run.name() + ", preset "
                            + source + "."));
                    return;
                }
            }
        }
    }
}
