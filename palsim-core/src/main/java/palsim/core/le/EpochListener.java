package palsim.core.le;

/**
 * Called by {@link LeTrainer#train} at the end of every epoch — and once before any learning as
 * epoch 0 — so the experiment layer can evaluate and record metrics (mse, angles, latents).
 */
@FunctionalInterface
public interface EpochListener {
    void epochEnded(int epoch, LeTrainer trainer);
}
