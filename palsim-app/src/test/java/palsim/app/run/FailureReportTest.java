package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.experiment.JobFailedException;
import palsim.core.SimulationDivergedException;

class FailureReportTest {

    @Test
    void divergenceInsideAJobNamesJobStepLayerAndQuantity() {
        var e = new JobFailedException("rule pal, seeds 1, 3", 4, new SimulationDivergedException(1234, 2, "apical voltage"));
        FailureReport r = FailureReport.of(new ExecutionException(e));
        assertThat(r.kind()).isEqualTo(FailureReport.Kind.DIVERGED);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.message()).isEqualTo("simulation diverged (rule pal, seeds 1, 3) at step 1234: apical voltage of layer 2 is not finite");
    }

    @Test
    void bareDivergenceHasNoJob() {
        assertThat(FailureReport.of(new SimulationDivergedException(5, 1, "B")).message())
                .isEqualTo("simulation diverged at step 5: B of layer 1 is not finite");
    }

    @Test
    void inputProblemFoundInsideAJobIsStillBadInput() {
        FailureReport r = FailureReport.of(new JobFailedException("j", 0, new InputException("train-images: no such\nfile")));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.message()).isEqualTo("train-images: no such file");
    }

    @Test
    void anythingElseIsAnInternalErrorNamingItsClass() {
        FailureReport r = FailureReport.of(new JobFailedException("rule fa, seeds 1", 0, new ArithmeticException("/ by zero")));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.message()).isEqualTo("internal error (rule fa, seeds 1): java.lang.ArithmeticException: / by zero");
        assertThat(FailureReport.of(new UncheckedIOException("cannot write x: disk full", new IOException())).message())
                .isEqualTo("cannot write x: disk full");
        assertThat(FailureReport.of(new OutOfMemoryError()).message()).startsWith("out of memory");
    }
}
