package palsim.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void lineShowsPercentCountsElapsedAndRemainingTime() {
        AtomicLong now = new AtomicLong();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(new StringWriter()), true, now::get);
        progress.begin("training", 300, "epochs");
        now.set(42 * SECOND);
        progress.advance(100);
        assertThat(progress.line(now.get())).isEqualTo("palsim: training  33% (100/300 epochs), 0:42 elapsed, ~1:24 left");
        progress.advance(200);
        assertThat(progress.line(now.get())).isEqualTo("palsim: training 100% (300/300 epochs), 0:42 elapsed");
    }

    @Test
    void drawsOneOverwrittenLineThrottledAndEndsItWithANewline() {
        AtomicLong now = new AtomicLong();
        StringWriter out = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(out), true, now::get);
        progress.begin("walking", 1000, "steps");
        for (int i = 0; i < 999; i++) {
            progress.advance(1);
        }
        assertThat(out.toString().chars().filter(c -> c == '\r').count()).as("throttled: clock did not move").isEqualTo(1);
        now.set(SECOND);
        progress.advance(1);
        progress.finish();
        assertThat(out.toString()).endsWith("palsim: walking 100% (1000/1000 steps), 0:01 elapsed\n").doesNotContain("\n\r");
    }

    @Test
    void disabledProgressPrintsNothing() {
        StringWriter out = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(out), false, System::nanoTime);
        progress.begin("x", 2, "units");
        progress.advance(2);
        progress.finish();
        assertThat(out.toString()).isEmpty();
    }
}
