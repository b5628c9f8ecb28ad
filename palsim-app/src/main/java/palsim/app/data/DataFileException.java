package palsim.app.data;

import palsim.app.InputException;

/**
 * A data file is missing, unreadable, malformed or could not be downloaded. The message always
 * starts with the file it is about ({@code "train-images-idx3-ubyte.gz: truncated: ..."}), so the
 * command line can print it as the one line a user needs; it is bad input (exit code 2), not a bug.
 */
public class DataFileException extends InputException {
    private static final long serialVersionUID = 1L;

    private final String file;

    /** {@code file}: how the user knows the file (the path as given, or the bundled resource's name). */
    public DataFileException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public DataFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is about, as named in the message. */
    public String file() {
        return file;
    }
}
