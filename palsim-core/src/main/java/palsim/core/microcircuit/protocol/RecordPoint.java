package palsim.core.microcircuit.protocol;

/**
 * Where a run stands when it calls an observer.
 *
 * @param step steps taken since the run started (settling included), so a record at the end of
 *     a window of rec_per_steps steps has {@code step % rec_per_steps == 0}
 * @param epoch 0 during settling, e = 1…epochs during training
 * @param training false while settling
 * @param input the input x of each lane for the step just taken, laid out {@code [input][lane]} with the
 *     group's lane width ({@code MicrocircuitGroup.width()}); a
 *     live buffer: copy what you keep
 * @param target the target of each lane for the step just taken, laid out {@code [output][lane]}
 *     like {@code input};
 *     null in bw_only. During settling in fw_bw it is the teacher value paired with the unshuffled
 *     block — a reference for the loss, not applied to the soma. A live buffer: copy what you keep.
 */
public record RecordPoint(long step, int epoch, boolean training, double[] input, double[] target) {}
