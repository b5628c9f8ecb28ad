package palsim.core.microcircuit.classification;

import java.util.List;
import palsim.core.microcircuit.MicrocircuitGroup;

/** Receives the results of a {@link ClassificationDriver} as its stages end. */
@FunctionalInterface
public interface ClassificationObserver {

    /**
     * A stage ended.
     *
     * @param group the group, in its state at the end of the stage (weights may be read)
     * @param results one result per lane, lane order
     */
    void stageEnded(MicrocircuitGroup group, List<StageResult> results);
}
