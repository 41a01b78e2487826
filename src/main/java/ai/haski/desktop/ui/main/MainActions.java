package ai.haski.desktop.ui.main;

/** The window's commands that need the stage or the clipboard, which menus, buttons and keys all invoke. */
interface MainActions {
    void openFile();

    void paste();

    void saveResult();

    void copyJson();

    void quit();

    void zoomIn();

    void zoomOut();

    void actualSize();

    void fitToWindow();

    void openLogFolder();

    void about();

    void openFolder();

    void backToSession();

    void exportSession();

    void reviewerName();

    void keyboardShortcuts();

    void addModel();

    void removeModel();

    void showModelsFolder();

    void reloadModels();
}
