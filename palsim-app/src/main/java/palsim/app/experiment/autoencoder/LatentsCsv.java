package palsim.app.experiment.autoencoder;

import java.util.List;

/**
 * latents.csv: the test latents after the last epoch of every rule and seed, so that Fig. 1f can
 * be redrawn with other tools. Header {@code rule,seed,epoch,sample,label,latent_1,…,latent_d};
 * one row per test sample (after drop_last, test-set order), rules and seeds in config order;
 * values in Java's shortest exact decimal form of the float.
 */
final class LatentsCsv {
    static final String FILE = "latents.csv";

    private LatentsCsv() {}

    /** The file's text for {@code latents}, already in config order. */
    static String format(List<TestLatents> latents) {
        int dimension = latents.isEmpty() ? 0 : latents.get(0).dimension();
        StringBuilder csv = new StringBuilder("rule,seed,epoch,sample,label");
        for (int d = 1; d <= dimension; d++) {
            csv.append(",latent_").append(d);
        }
        csv.append('\n');
        for (TestLatents l : latents) {
            for (int s = 0; s < l.labels().length; s++) {
                csv.append(l.rule()).append(',').append(l.seed()).append(',').append(l.epoch()).append(',').append(s)
                        .append(',').append(l.labels()[s]);
                for (int d = 0; d < l.dimension(); d++) {
                    csv.append(',').append(l.codes()[s * l.dimension() + d]);
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }
}
