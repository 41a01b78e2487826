package ai.haski.desktop.ui.result;

/**
 * How the window writes a model's head and label names, in the result view and the session screen alike
 * ({@code skin_type} reads as "Skin type", {@code mild_acne} as "mild acne"), so that one photo reads the same in
 * both. The stored ids stay what filters, verdicts and exports use.
 */
public final class DisplayNames {
    private DisplayNames() {}

    /** A head's title: words, first letter capital. */
    public static String head(String id) {
        String words = label(id);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A label as words. */
    public static String label(String id) {
        return id == null ? "" : id.replace('_', ' ');
    }
}
