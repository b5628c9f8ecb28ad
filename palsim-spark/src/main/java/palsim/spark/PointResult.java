package palsim.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * What a Spark task hands back to the driver for its sweep point.
 *
 * @param index the point's index
 * @param failureKind null when the point completed, else the failure's kind ({@code diverged}, …)
 * @param failureMessage the failure's one line, or null
 * @param files the files of the point's run directory the aggregate reads (config.yaml,
 *     provenance.json, metrics.csv, summary.json), by name, when the run directory went to an
 *     output location the driver cannot read; empty otherwise
 */
record PointResult(int index, String failureKind, String failureMessage, Map<String, byte[]> files) implements Serializable {}
