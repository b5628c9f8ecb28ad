package palsim.core.rng;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(UniformRandomProvider rng, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextLong();
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameStream() {
        assertThat(draw(RandomStreams.seeded(123), 16)).containsExactly(draw(RandomStreams.seeded(123), 16));
    }

    @Test
    void derivedStreamsDoNotDependOnCreationOrder() {
        long[] noiseFirst = draw(RandomStreams.derived(5, "noise", 2), 8);
        draw(RandomStreams.derived(5, "shuffle", 0), 8);
        assertThat(draw(RandomStreams.derived(5, "noise", 2), 8)).containsExactly(noiseFirst);
    }

    @Test
    void derivedStreamsDifferBySeedPurposeAndIndex() {
        long[] base = draw(RandomStreams.derived(5, "noise", 2), 4);
        assertThat(draw(RandomStreams.derived(6, "noise", 2), 4)).isNotEqualTo(base);
        assertThat(draw(RandomStreams.derived(5, "shuffle", 2), 4)).isNotEqualTo(base);
        assertThat(draw(RandomStreams.derived(5, "noise", 3), 4)).isNotEqualTo(base);
        assertThat(draw(RandomStreams.seeded(5), 4)).isNotEqualTo(base);
    }

    @Test
    void neighbouringSeedsGiveUncorrelatedStreams() {
        int n = 20_000;
        UniformRandomProvider a = RandomStreams.seeded(1);
        UniformRandomProvider b = RandomStreams.seeded(2);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (a.nextDouble() - 0.5) * (b.nextDouble() - 0.5);
        }
        // correlation of independent U(0,1): mean 0, std (1/12)/sqrt(n)
        assertThat(Math.abs(sum / n) / (1.0 / 12)).isLessThan(5 / Math.sqrt(n));
    }

    @Test
    void shuffleIsFisherYatesDrawingNextIntDownFromTheLastIndex() {
        for (int n : new int[] {0, 1, 2, 7, 100}) {
            int[] expected = new int[n];
            for (int i = 0; i < n; i++) {
                expected[i] = 10 * i;
            }
            int[] actual = expected.clone();
            UniformRandomProvider reference = RandomStreams.derived(3, "shuffle", n);
            for (int i = n - 1; i > 0; i--) {
                int j = reference.nextInt(i + 1);
                int t = expected[i];
                expected[i] = expected[j];
                expected[j] = t;
            }
            UniformRandomProvider rng = RandomStreams.derived(3, "shuffle", n);
            RandomStreams.shuffle(rng, actual);
            assertThat(actual).containsExactly(expected);
            assertThat(rng.nextLong()).isEqualTo(reference.nextLong()); // the same number of draws
        }
    }

    @Test
    void permutationIsTheShuffledIdentity() {
        int[] identity = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        RandomStreams.shuffle(RandomStreams.derived(4, "order", 1), identity);
        assertThat(RandomStreams.permutation(9, RandomStreams.derived(4, "order", 1))).containsExactly(identity);
    }
}
