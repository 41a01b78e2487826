package ai.haski.desktop.ui.dialog;

/** The system clipboard as a ViewModel uses it: it puts text there; tests give a double that keeps the text. */
@FunctionalInterface
public interface TextClipboard {
    void putText(String text);
}
