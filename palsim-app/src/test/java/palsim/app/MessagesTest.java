package palsim.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void oneLineJoinsLinesWithOneSpaceAndUsesTheDefaultForNoMessage() {
        assertThat(Messages.oneLine("  first line  \n   second\r\n\tthird \n", "x")).isEqualTo("first line second third");
        assertThat(Messages.oneLine("plain", "x")).isEqualTo("plain");
        assertThat(Messages.oneLine(null, "syntax error")).isEqualTo("syntax error");
        assertThat(Messages.oneLine(null, "")).isEmpty();
    }
}
