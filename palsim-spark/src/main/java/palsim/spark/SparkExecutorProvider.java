package palsim.spark;

import palsim.app.sweep.SweepExecutor;
import palsim.app.sweep.SweepExecutorProvider;

/** {@code palsim sweep --executor spark}, found by the command line through {@link java.util.ServiceLoader}. */
public final class SparkExecutorProvider implements SweepExecutorProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepExecutor create(Settings settings) {
        return new SparkSweepExecutor(settings);
    }
}
