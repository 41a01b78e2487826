package ai.haski.desktop.ui.session;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.PhotoPage;
import ai.haski.desktop.session.PhotoQuery;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which session is open: opening a folder (with a rescan for new and missing photos) and closing the session, both
 * on the store lane, so that no SQLite file is opened or closed on the UI thread. Use on the UI thread.
 */
public final class SessionLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLifecycle.class);
    /** At exit the store lane may still be saving a verdict: the close waits this long for its turn. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final AppPaths paths;
    private final TaskExecutor store;
    private final NoticeSink notices;
    private final Consumer<OpenedSession> shown;
    private final Supplier<String> reviewer;
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper folderText = new ReadOnlyStringWrapper(this, "folderText", "");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");

    /** @param shown hears each session opened, on the UI thread, right after it became the current one */
    public SessionLifecycle(AppPaths paths, TaskExecutor store, NoticeSink notices, Consumer<OpenedSession> shown) {
        this(paths, store, notices, shown, () -> "");
    }

    /** @param reviewer the reviewer's name now ("" when none), whose own order a blinded session is shown in */
    public SessionLifecycle(AppPaths paths, TaskExecutor store, NoticeSink notices, Consumer<OpenedSession> shown,
            Supplier<String> reviewer) {
        this.reviewer = reviewer;
        this.paths = paths;
        this.store = store;
        this.notices = notices;
        this.shown = shown;
    }

    /**
     * Opens (or reopens) the folder's session in the background; the session open before is closed once the new one
     * shows.
     *
     * @param preferred the model whose results the rows show, where a photo has several
     */
    public void open(Path folder, Optional<ModelKey> preferred) {
        opening.set(true);
        folderText.set("Opening " + nameOf(folder) + "…");
        String name = reviewer.get();
        store.execute(BackgroundTask.of("open session " + nameOf(folder), () -> {
            Session opened = Session.open(folder, paths);
            try {
                opened.rescan();
                List<ReviewRow> loaded = loadRows(opened, preferred);
                boolean blinded = opened.blinding().isBlinded();
                if (blinded && !name.isBlank()) {
                    loaded = opened.blinding().inReadingOrder(loaded, ReviewRow::photoId, name);
                }
                return new OpenedSession(opened, loaded, RowSummary.of(loaded), opened.results().models(), blinded);
            } catch (SessionException | RuntimeException e) {
                opened.close();
                throw e;
            }
        }).onSuccess(result -> {
            Session old = session.get();
            session.set(result.session());
            folderText.set(result.session().root().toString());
            shown.accept(result);
            if (old != null) {
                store.execute(closing(old, () -> { }));
            }
        }).onFailure(error -> {
            folderText.set(session.get() == null ? "" : session.get().root().toString());
            notices.post(Notice.error("The folder " + folder + " could not be opened as a session: "
                    + error.getMessage()));
        }).onFinished(() -> opening.set(false)));
    }

    private static List<ReviewRow> loadRows(Session opened, Optional<ModelKey> preferred) throws SessionException {
        List<ReviewRow> loaded = new ArrayList<>();
        int offset = 0;
        while (true) {
            PhotoPage page = opened.listing().list(PhotoQuery.all().page(offset, PhotoQuery.MAX_PAGE));
            page.rows().forEach(row -> loaded.add(ReviewRow.of(row, preferred)));
            offset += page.rows().size();
            if (page.rows().isEmpty() || offset >= page.total()) {
                return loaded;
            }
        }
    }

    /**
     * Closes the session on the store lane, after the writes queued before it, and waits (boundedly) until it is
     * closed: called at exit, just before the lanes stop, which would drop a close still in the queue.
     */
    public void close() {
        Session current = session.get();
        if (current == null) {
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        store.execute(closing(current, closed::countDown));
        try {
            if (!closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The session {} was not closed within {} s; SQLite recovers it at the next open",
                        current.root(), CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BackgroundTask<Session> closing(Session old, Runnable then) {
        return BackgroundTask.of("close session", () -> {
            try {
                old.close();
            } finally {
                then.run();
            }
            return old;
        });
    }

    static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The open folder's path, or "Opening clinic…" while it opens. */
    public ReadOnlyStringProperty folderTextProperty() {
        return folderText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }
}
