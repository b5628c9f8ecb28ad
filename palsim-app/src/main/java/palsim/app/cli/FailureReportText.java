package palsim.app.cli;

/** Text helpers for one-line messages. */
final class FailureReportText {
    private FailureReportText() {}

    /** {@code message} on one line: line breaks and the indentation around them become one space. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
