package ai.haski.desktop.ui.main;

/**
 * The window's commands that need its controls, the stage or the clipboard's content, which menus, buttons and keys
 * all invoke; every other command is a {@link MainViewModel} method.
 */
interface MainActions {
    void paste();

    void quit();

    void zoomIn();

    void zoomOut();

    void actualSize();

    void fitToWindow();

    void backToSession();

    void exportSession();

    void reviewerName();

    void evaluate();
}
