package ai.haski.desktop.ui.notice;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The notice the window shows now: the latest one posted, until it is dismissed or replaced. Use on the UI thread. */
public final class NoticeBoard implements NoticeSink {
    private final ReadOnlyObjectWrapper<Notice> current = new ReadOnlyObjectWrapper<>(this, "current");

    @Override
    public void post(Notice notice) {
        current.set(notice);
    }

    public void dismiss() {
        current.set(null);
    }

    /** The notice shown, or null when there is none. */
    public ReadOnlyObjectProperty<Notice> currentProperty() {
        return current.getReadOnlyProperty();
    }
}
