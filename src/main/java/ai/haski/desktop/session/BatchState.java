package ai.haski.desktop.session;

/** Where a batch run stands. */
public enum BatchState {
    NOT_STARTED, RUNNING, PAUSED, CANCELLING, CANCELLED, FINISHED, FAILED;

    /** Whether the run is over. */
    public boolean isFinal() {
        return this == CANCELLED || this == FINISHED || this == FAILED;
    }
}
