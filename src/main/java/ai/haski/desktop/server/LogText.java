package ai.haski.desktop.server;

/**
 * Makes text from a client safe to log: control characters (newline, carriage return, NUL, escape, DEL, the C1
 * range) become {@code \n}, {@code \r} or {@code \\uXXXX}, so a file name or path cannot forge a log line or
 * drive the terminal that shows the log.
 */
final class LogText {
    private static final int MAX_LOGGED_CHARS = 300;

    private LogText() {}

    static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LOGGED_CHARS) + 16);
        for (int i = 0; i < text.length() && i < MAX_LOGGED_CHARS; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > MAX_LOGGED_CHARS) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    /** True when the text holds a character {@link #escape} would rewrite (other than a backslash). */
    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
