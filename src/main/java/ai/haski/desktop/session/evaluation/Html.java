package ai.haski.desktop.session.evaluation;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Text made safe for the HTML report, and the report's number formats.
 *
 * <p>Why one escape for text and attributes alike: photo names, labels, reviewer names and model ids are all user
 * text, so every one of them goes through {@link #escape}, which turns the five characters that can end a text or a
 * quoted attribute into entities. Control characters (legal in a Linux file name, illegal in HTML and XML) become
 * U+FFFD, so that no name can break the page or hide part of itself.
 */
final class Html {
    /** Shown wherever a statistic has no value, as {@code null} in the JSON report. */
    static final String UNDEFINED = "undefined";

    private Html() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** A statistic to three decimals, as the report shows it; the JSON report has it in full. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : UNDEFINED;
    }

    /** A share as a whole percentage, for the sentences of the note ("62 %"). */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    /** A coordinate in an SVG, short and locale-independent. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
