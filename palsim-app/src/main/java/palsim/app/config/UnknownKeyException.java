package palsim.app.config;

import java.util.List;
import palsim.app.InputException;

/** Keys that no part of palsim reads are in the config ({@link ConfigDocument#rejectUnknownKeys()}). */
public final class UnknownKeyException extends InputException {
    private static final long serialVersionUID = 1L;

    private final List<String> keys;

    UnknownKeyException(List<String> keys, String message) {
        super(message);
        this.keys = List.copyOf(keys);
    }

    /** The full paths of the unknown keys, in file order. */
    public List<String> keys() {
        return keys;
    }
}
