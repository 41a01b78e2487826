package ai.haski.desktop.session;

import java.util.Locale;

/** Whether a photo was found in the folder by the latest scan; missing photos are kept, never dropped. */
public enum PhotoState {
    PRESENT, MISSING;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PhotoState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
