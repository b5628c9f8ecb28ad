package palsim.core.state;

/** Saved state that does not fit the simulation it is read into (another configuration, or damaged). */
public final class StateMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateMismatchException(String message) {
        super(message);
    }

    static void requireLength(String what, int expected, int got) {
        if (expected != got) {
            throw new StateMismatchException(what + ": saved " + got + " values, expected " + expected);
        }
    }
}
