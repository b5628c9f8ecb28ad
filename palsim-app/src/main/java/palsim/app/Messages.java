package palsim.app;

import java.util.regex.Pattern;

/** Text helpers for palsim's one-line messages (see {@link InputException}). */
public final class Messages {
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    private Messages() {}

    /**
     * {@code message} on one line: stripped, and each line break with the white space around it
     * becomes one space; {@code ifNull} when there is no message.
     */
    public static String oneLine(String message, String ifNull) {
        return message == null ? ifNull : LINE_BREAK.matcher(message.strip()).replaceAll(" ");
    }
}
