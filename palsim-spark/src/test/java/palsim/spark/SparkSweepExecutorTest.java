package palsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.sweep.SweepExecutorProvider;

/** The Spark settings palsim derives, without starting Spark (SparkSweepIT runs it). */
class SparkSweepExecutorTest {

    @Test
    void localMastersGetASecondAttemptAndOthersArePassedOn() {
        assertThat(SparkSweepExecutor.master("local")).isEqualTo("local[1,2]");
        assertThat(SparkSweepExecutor.master("local[*]")).isEqualTo("local[*,2]");
        assertThat(SparkSweepExecutor.master("local[4]")).isEqualTo("local[4,2]");
        assertThat(SparkSweepExecutor.master("local[4,3]")).isEqualTo("local[4,3]");
        assertThat(SparkSweepExecutor.master("spark://head:7077")).isEqualTo("spark://head:7077");
        assertThat(SparkSweepExecutor.master("yarn")).isEqualTo("yarn");
        assertThatThrownBy(() -> SparkSweepExecutor.master("local[two]")).isInstanceOf(InputException.class)
                .hasMessage("--master: expected local, local[N], local[*] or local[N,F], got 'local[two]'");
    }

    @Test
    void attemptsFollowTheLocalMasterOrMaxFailures() {
        assertThat(SparkSweepExecutor.attempts("local[2,2]", new SparkConf(false))).isEqualTo(2);
        assertThat(SparkSweepExecutor.attempts("local[2]", new SparkConf(false))).isEqualTo(1);
        assertThat(SparkSweepExecutor.attempts("yarn", new SparkConf(false).set("spark.task.maxFailures", "3"))).isEqualTo(3);
    }

    @Test
    void executorsGetTheVectorModuleNextToTheUsersOptionsAndTheUsersSettingsWin() {
        SparkConf conf = executor(Map.of("spark.executor.extraJavaOptions", "-Xss4m", "spark.task.maxFailures", "5")).conf();
        assertThat(conf.get("spark.executor.extraJavaOptions")).isEqualTo("--add-modules=jdk.incubator.vector -Xss4m");
        assertThat(conf.get("spark.task.maxFailures")).isEqualTo("5");
        assertThat(conf.get("spark.master")).isEqualTo("local[2,2]");
        SparkConf plain = executor(Map.of()).conf();
        assertThat(plain.get("spark.task.maxFailures")).isEqualTo("2");
        assertThat(plain.get("spark.executor.extraJavaOptions")).isEqualTo("--add-modules=jdk.incubator.vector");
    }

    private static SparkSweepExecutor executor(Map<String, String> conf) {
        return new SparkSweepExecutor(new SweepExecutorProvider.Settings(Path.of("/tmp/s"), "", "local[2]", conf,
                Optional.empty(), "palsim sweep", new PrintWriter(new StringWriter())));
    }
}
