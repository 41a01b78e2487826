package ai.haski.desktop.ui.models;

/** Where the proof of the last model load stands: SHA-256, shapes and test vector checked on its runtime. */
public enum SelfCheckState {
    /** No model has been loaded yet (or there is none to load). */
    NONE,
    /** A model is loading and being proven now. */
    RUNNING,
    /** The active model passed every check. */
    PASSED,
    /** The last model asked for failed a check and was refused. */
    FAILED
}
