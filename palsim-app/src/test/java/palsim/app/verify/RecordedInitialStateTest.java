package palsim.app.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import palsim.core.microcircuit.Conductances;
import palsim.core.microcircuit.WeightSnapshot;
import palsim.core.neuron.Activation;

/**
 * The recordings also hold the reference's state right after construction. palsim's
 * self-predicting start and its initial auxiliary state must turn the recorded random draws into
 * exactly that state: B^PI = −B, W^IP = c_ℓ W_{ℓ+1}, and a high-pass trace that starts at φ(u), not 0.
 */
class RecordedInitialStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"fig1c-bw_only-pal-seed123.json.gz", "fig1e-fw_bw-pal-seed123.json.gz"})
    void palsimsSelfPredictingStartGivesTheRecordedWeights(String file) throws IOException {
        JsonNode trace = read(file);
        JsonNode initial = trace.get("initial");
        int[] n = JSON.convertValue(trace.at("/meta/params/layers"), int[].class);
        int top = n.length - 1;
        double[][] w = matrices(initial.get("WPP"));
        double[][] b = matrices(initial.get("BPP"));
        double[][] wip = matrices(initial.get("WIP"));
        double[][] bpi = matrices(initial.get("BPI"));
        // start from the recorded W and B with W^IP and B^PI scrambled, then impose the self-predicting state
        double[][] scrambledWip = new double[top - 1][];
        double[][] scrambledBpi = new double[top - 1][];
        for (int l = 0; l < top - 1; l++) {
            scrambledWip[l] = new double[wip[l].length];
            scrambledBpi[l] = new double[bpi[l].length];
            java.util.Arrays.fill(scrambledWip[l], 0.123);
            java.util.Arrays.fill(scrambledBpi[l], -0.456);
        }
        WeightSnapshot sps = new WeightSnapshot(n, w, scrambledWip, b, scrambledBpi)
                .withSelfPredictingState(Conductances.PAPER);
        for (int l = 1; l <= top - 1; l++) {
            double[] expectedWip = sps.pyramidToInterneuron(l);
            double[] expectedBpi = sps.interneuronToPyramid(l);
            for (int k = 0; k < expectedWip.length; k++) {
                assertThat(expectedWip[k]).as("W_IP_%d[%d]", l, k).isCloseTo(wip[l - 1][k], within(1e-15));
            }
            for (int k = 0; k < expectedBpi.length; k++) {
                assertThat(expectedBpi[k]).as("B_PI_%d[%d]", l, k).isEqualTo(bpi[l - 1][k]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fig1c-bw_only-pal-seed123.json.gz", "fig1e-fw_bw-pal-seed123.json.gz"})
    void theHighPassTraceStartsAtTheRatesOfTheInitialVoltages(String file) throws IOException {
        JsonNode initial = read(file).get("initial");
        double[][] u = matrices(initial.get("uP"));
        double[][] h = matrices(initial.get("rP_breve_HI"));
        double[][] oldU = matrices(initial.get("uP_old"));
        for (int l = 0; l < u.length; l++) {
            for (int i = 0; i < u[l].length; i++) {
                assertThat(h[l][i]).isCloseTo(Activation.LOGISTIC.value(u[l][i]), within(1e-15));
                assertThat(h[l][i]).isNotZero();
                assertThat(oldU[l][i]).isEqualTo(u[l][i]); // u^old = u, so the first ŭ equals u
            }
        }
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = new GZIPInputStream(RecordedInitialStateTest.class.getResourceAsStream("/traces/" + file))) {
            return JSON.readTree(in);
        }
    }

    /** Per layer, a vector or a row-major matrix flattened. */
    private static double[][] matrices(JsonNode layers) {
        double[][] out = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            JsonNode layer = layers.get(l);
            java.util.List<Double> values = new java.util.ArrayList<>();
            for (JsonNode item : layer) {
                if (item.isArray()) {
                    item.forEach(x -> values.add(x.doubleValue()));
                } else {
                    values.add(item.doubleValue());
                }
            }
            out[l] = values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }
}
