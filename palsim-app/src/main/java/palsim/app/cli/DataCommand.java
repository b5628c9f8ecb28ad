package palsim.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import palsim.app.data.DataFileException;
import palsim.app.data.MnistDownloader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palsim data}: manage the data sets palsim reads. Subcommand {@code fetch mnist --dir D
 * [--mirror URL]...} downloads the four official MNIST files (see {@link MnistDownloader}).
 * Exit codes: 0 success; 2 bad usage or a download that failed (one line on stderr naming the
 * file and the mirrors tried).
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Manage the data sets palsim reads (the bundled 10k digits need nothing).")
public final class DataCommand implements Callable<Integer> {
    /** Data sets {@code fetch} knows. */
    public enum DataSetName { mnist }

    @Spec
    CommandSpec spec;

    private final Map<String, String> expectedMd5;

    public DataCommand() {
        this(MnistDownloader.OFFICIAL_MD5);
    }

    /** With other expected checksums (tests serve small synthetic files under the official names). */
    DataCommand(Map<String, String> expectedMd5) {
        this.expectedMd5 = expectedMd5;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: fetch");
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Download a data set into a directory, checking MD5 checksums.",
                "mnist: train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
                        + "t10k-labels-idx1-ubyte.gz. Files already present with the right checksum are kept."})
    int fetch(
            @Parameters(paramLabel = "DATASET", description = "Data set: ${COMPLETION-CANDIDATES}.") DataSetName dataSet,
            @Option(names = "--dir", required = true, paramLabel = "D", description = "Directory to put the files in (created if needed).")
                    Path directory,
            @Option(names = "--mirror", paramLabel = "URL",
                    description = {"Base URL to download from; repeat to try several in order.",
                        "Default: https://ossci-datasets.s3.amazonaws.com/mnist/, "
                                + "https://storage.googleapis.com/cvdf-datasets/mnist/, http://yann.lecun.com/exdb/mnist/"})
                    List<URI> mirrors) {
        PrintWriter err = spec.commandLine().getErr();
        MnistDownloader downloader;
        try {
            downloader = new MnistDownloader(mirrors == null || mirrors.isEmpty() ? MnistDownloader.DEFAULT_MIRRORS : mirrors,
                    expectedMd5, err, MnistDownloader.DEFAULT_CONNECT_TIMEOUT, MnistDownloader.DEFAULT_FILE_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine().getSubcommands().get("fetch"), "Invalid value for option '--mirror': "
                    + e.getMessage());
        }
        try {
            List<Path> files = downloader.fetch(directory);
            err.println("palsim data fetch: " + dataSet + " ready in " + directory + " (" + files.size() + " files)");
            err.flush();
            return CommandLine.ExitCode.OK;
        } catch (DataFileException e) {
            err.println("palsim data fetch: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
    }
}
