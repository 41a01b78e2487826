package ai.haski.desktop.ui.notice;

import java.util.Objects;

/** A message for the user shown in the window until dismissed or replaced: what happened and what to do. */
public record Notice(Severity severity, String text) {

    /** How the notice is shown: information is quiet, an error stands out. */
    public enum Severity {
        INFO, WARNING, ERROR
    }

    public Notice {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    public static Notice info(String text) {
        return new Notice(Severity.INFO, text);
    }

    public static Notice warning(String text) {
        return new Notice(Severity.WARNING, text);
    }

    public static Notice error(String text) {
        return new Notice(Severity.ERROR, text);
    }
}
