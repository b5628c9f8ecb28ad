package palsim.app.experiment;

import java.util.Optional;
import palsim.core.state.StateReader;

/**
 * One job's side of checkpoints (docs/resume.md). How an experiment uses it, inside the job:
 *
 * <pre>
 *   JobCheckpoint checkpoint = context.checkpoints().job(label);   // a key unique and stable in the run
 *   MetricsSink metrics = checkpoint.metrics();                      // record everything through this
 *   build the job's state as a fresh run would;
 *   checkpoint.saved().ifPresent(in -&gt; read the state back, in the order it was written);
 *   at every epoch end: checkpoint.epochEnded(epoch, out -&gt; write the state);
 * </pre>
 *
 * When the run is resumed, {@link #saved()} holds the state last written (the metrics the job had
 * recorded until then are already back in the run's metrics), and the job continues after that
 * epoch. A job saved after its last epoch only finishes (e.g. hands back its result), so its state
 * must hold what finishing needs.
 */
public interface JobCheckpoint {

    /**
     * The run's metrics as seen by this job: values recorded here also go into the job's
     * checkpoints, so that a resumed run has them.
     */
    MetricsSink metrics();

    /** The state this job saved in the checkpoint the run resumes from; empty for a fresh start. */
    Optional<StateReader> saved();

    /**
     * The job finished {@code epoch} (0 = before learning); {@code state} writes its state if the
     * framework keeps a checkpoint now (it does at every call, in memory; files are written as the
     * config's {@code checkpoint} section says and when the run is interrupted). Call it from the job's
     * own thread, between steps.
     */
    void epochEnded(int epoch, JobState state);
}
