package ai.haski.desktop.ui.session;

import java.util.List;

/** The review keys, one place for the key handler, the Help dialog and the README's table. */
public final class SessionKeys {
    /** A key and what it does. */
    public record Key(String keys, String action) {}

    public static final List<Key> ALL = List.of(
            new Key("J or Down", "next photo"),
            new Key("K or Up", "previous photo"),
            new Key("N", "next unreviewed photo (wraps round)"),
            new Key("A or Enter", "accept every head of the photo, then go to the next photo"),
            new Key("1 … 9", "override the focused head with its 1st … 9th label"),
            new Key("L or Right", "focus the next head"),
            new Key("H or Left", "focus the previous head"),
            new Key("F", "flag the photo for a second look, or take the flag off"),
            new Key("E", "write a note (Esc leaves the note and saves it)"),
            new Key("P", "pause or resume the batch"),
            new Key("Ctrl+Shift+O", "open a folder as a session"),
            new Key("Ctrl+E", "export the session as CSV or JSON"));

    private SessionKeys() {}

    /** The keys as lines of text, for the Help dialog. */
    public static String asText() {
        StringBuilder text = new StringBuilder();
        for (Key key : ALL) {
            text.append(String.format("%-14s %s%n", key.keys(), key.action()));
        }
        return text.toString();
    }
}
