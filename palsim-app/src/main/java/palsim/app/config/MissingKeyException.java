package palsim.app.config;

import palsim.app.InputException;

/** A required key or section is not in the config; {@link #path()} is its full key path. */
public final class MissingKeyException extends InputException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String nearMiss;

    /** {@code nearMiss}: the full path of a present key that is probably a misspelling of it, or null. */
    MissingKeyException(String path, String nearMiss, String message) {
        super(message);
        this.path = path;
        this.nearMiss = nearMiss;
    }

    /** The full path of the present key the message points at as a likely typo, or null. */
    public String nearMiss() {
        return nearMiss;
    }

    /** The missing key's full path, e.g. {@code model.layers}. */
    public String path() {
        return path;
    }
}
