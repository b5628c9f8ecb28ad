package palsim.app;

/**
 * Bad input from the user: a config key with a wrong type or value, an unknown key, a missing or
 * unreadable file, an unknown preset or task, a bad command-line option.
 *
 * <p>Every part of palsim-app throws this type (or a subclass) for anything the user can fix by
 * changing what they typed. The command line prints its message as one line, {@code palsim: <message>},
 * and exits with code 2. The message therefore names what is wrong <em>and where</em>: the full
 * key path ({@code model.layers[2]: must be > 0, got -3}) or the file
 * ({@code fig1b.yaml: no such file}). It must be one line and must not need a stack trace.
 *
 * <p>It extends {@link IllegalArgumentException} so that code written against the plain JDK
 * contract (e.g. {@link palsim.core.feedback.RuleParameters}, which promises an
 * {@code IllegalArgumentException} naming the key) keeps working, and so that a data-layer
 * exception such as a malformed-file exception can simply extend it.
 */
public class InputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
