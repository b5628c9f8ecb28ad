package palsim.app.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import palsim.app.InputException;
import palsim.app.config.ConfigSection;

class ExperimentRegistryTest {
    record NoSettings(List<String> rules) implements ExperimentSettings {}

    static Experiment<NoSettings> named(String task) {
        return new Experiment<>() {
            @Override
            public String task() {
                return task;
            }

            @Override
            public String summary() {
                return "test";
            }

            @Override
            public NoSettings parse(ConfigSection config, CommonSettings common) {
                return new NoSettings(List.of("bp"));
            }

            @Override
            public void run(ExperimentContext<NoSettings> context) {}
        };
    }

    @Test
    void unknownTaskListsTheKnownTasksSorted() {
        ExperimentRegistry registry = ExperimentRegistry.of(named("teacher_student"), named("alignment"));
        assertThat(registry.get("alignment").task()).isEqualTo("alignment");
        assertThatThrownBy(() -> registry.get("alignmnt")).isInstanceOf(InputException.class)
                .hasMessage("task: unknown task 'alignmnt' (known: alignment, teacher_student)");
    }

    @Test
    void duplicateTaskIsRejected() {
        assertThatThrownBy(() -> ExperimentRegistry.of(named("a"), named("a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
    }

    @Test
    void emptyRegistrySaysNoneAreRegistered() {
        assertThatThrownBy(() -> ExperimentRegistry.of().get("x")).hasMessage("task: unknown task 'x' (known: none registered)");
    }
}
