package ai.haski.desktop.session;

import java.util.Locale;

/** What a reviewer said about one head's label: the model is right, or the right label is another one. */
public enum VerdictAction {
    ACCEPT, OVERRIDE;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VerdictAction fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
