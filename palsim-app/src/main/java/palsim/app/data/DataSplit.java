package palsim.app.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import palsim.core.data.Dataset;

/**
 * The samples one experiment trains, validates and tests on, and the files they came from.
 *
 * @param description one line for logs and provenance, e.g. {@code "official MNIST, seeded split
 *     50000/10000 (seed 1), test 10000"}
 * @param train the training samples
 * @param validation held-out samples evaluated between epochs, where the protocol has them
 * @param test the test samples
 * @param files provenance of every file read
 */
public record DataSplit(String description, Dataset train, Optional<Dataset> validation, Dataset test,
        List<DataFile> files) {

    public DataSplit {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        files = List.copyOf(files);
    }
}
