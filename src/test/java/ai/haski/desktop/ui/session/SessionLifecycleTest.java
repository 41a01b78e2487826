package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.QueuedTaskExecutor;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening and closing sessions on a store lane that holds its tasks until the test runs them: real SQLite sessions
 * over temp folders of real photos, no toolkit, no model.
 */
class SessionLifecycleTest {
    @TempDir
    Path temp;
    private final QueuedTaskExecutor store = new QueuedTaskExecutor();
    private final SessionParts.Notices notices = new SessionParts.Notices();
    private final List<OpenedSession> shown = new ArrayList<>();
    private final SessionLifecycle lifecycle = new SessionLifecycle(SessionParts.paths(), store, notices, shown::add);

    @AfterEach
    void closeEverySessionShown() {
        // Not lifecycle.close(): with a lane that holds its tasks it would wait out its whole bound.
        shown.forEach(opened -> opened.session().close());
    }

    private Session openAndRun(Path folder) {
        lifecycle.open(folder, Optional.empty());
        store.runAll();
        return lifecycle.sessionProperty().get();
    }

    @Test
    void openingAFolderMakesItsSessionCurrentAndTellsShownOnceItIsReady() throws Exception {
        Path folder = SessionParts.folderOfPhotos(temp.resolve("clinic"));

        lifecycle.open(folder, Optional.empty());

        assertThat(lifecycle.openingProperty().get()).isTrue();
        assertThat(lifecycle.folderTextProperty().get()).isEqualTo("Opening clinic…");
        assertThat(store.pendingNames()).containsExactly("open session clinic");
        assertThat(lifecycle.sessionProperty().get()).as("nothing is current until the open task ran").isNull();
        assertThat(shown).isEmpty();

        store.runAll();

        assertThat(lifecycle.openingProperty().get()).isFalse();
        assertThat(shown).hasSize(1);
        OpenedSession opened = shown.get(0);
        Session current = lifecycle.sessionProperty().get();
        assertThat(current).isSameAs(opened.session());
        assertThat(current.root()).isEqualTo(folder.toRealPath());
        assertThat(lifecycle.folderTextProperty().get()).isEqualTo(folder.toRealPath().toString());
        assertThat(opened.rows()).extracting(ReviewRow::file)
                .containsExactlyInAnyOrderElementsOf(SessionParts.PHOTOS);
        assertThat(opened.models()).as("nothing analysed yet").isEmpty();
        assertThat(current.photos().all()).hasSize(SessionParts.PHOTOS.size());
        assertThat(notices.posted).isEmpty();
        assertThat(store.pendingNames()).isEmpty();
    }

    @Test
    void openingASecondFolderClosesTheFirstSessionOnceTheSecondShows() throws Exception {
        Session first = openAndRun(SessionParts.folderOfPhotos(temp.resolve("clinic")));
        Path second = SessionParts.folderOfPhotos(temp.resolve("ward"));

        lifecycle.open(second, Optional.empty());
        store.runNext();

        Session now = lifecycle.sessionProperty().get();
        assertThat(now).isNotSameAs(first);
        assertThat(now.root()).isEqualTo(second.toRealPath());
        assertThat(shown).hasSize(2);
        assertThat(store.pendingNames()).as("the old session closes on the store lane").containsExactly("close session");
        assertThat(first.photos().all()).as("still open until the lane closes it").hasSize(3);

        store.runAll();

        assertThatThrownBy(() -> first.photos().all()).isInstanceOf(SessionException.class);
        assertThat(now.photos().all()).hasSize(3);
    }

    @Test
    void aFolderThatCannotBeOpenedIsNamedInAnErrorAndThePreviousSessionStaysOpen() throws Exception {
        Path folder = SessionParts.folderOfPhotos(temp.resolve("clinic"));
        Session first = openAndRun(folder);
        Path missing = temp.resolve("no such folder");
        Path file = folder.resolve("skimage_camera.png");

        for (Path bad : List.of(missing, file)) {
            lifecycle.open(bad, Optional.empty());
            assertThat(lifecycle.openingProperty().get()).isTrue();
            store.runAll();

            assertThat(lifecycle.openingProperty().get()).isFalse();
            Notice notice = notices.last();
            assertThat(notice.severity()).isEqualTo(Notice.Severity.ERROR);
            assertThat(notice.text()).startsWith("The folder " + bad + " could not be opened as a session: ");
            assertThat(lifecycle.sessionProperty().get()).isSameAs(first);
            assertThat(lifecycle.folderTextProperty().get()).as("the open folder's path again")
                    .isEqualTo(folder.toRealPath().toString());
            assertThat(first.photos().all()).hasSize(3);
        }
        assertThat(notices.posted).hasSize(2);
        assertThat(notices.posted.get(0).text()).contains("does not exist");
        assertThat(notices.posted.get(1).text()).contains("is a file, not a folder");
        assertThat(shown).hasSize(1);
    }

    @Test
    void aFailedOpenWithNoSessionBeforeLeavesNoneAndNoFolderText() {
        lifecycle.open(temp.resolve("gone"), Optional.empty());
        store.runAll();

        assertThat(lifecycle.sessionProperty().get()).isNull();
        assertThat(lifecycle.folderTextProperty().get()).isEmpty();
        assertThat(lifecycle.openingProperty().get()).isFalse();
        assertThat(notices.last().text()).contains(temp.resolve("gone").toString());
    }

    @Test
    void closeWithNoSessionQueuesNothing() {
        lifecycle.close();
        assertThat(store.pendingNames()).isEmpty();
    }

    /**
     * close() hands the close to the store lane and waits for it: here another thread calls close() while the test
     * thread plays the lane, so the test sees the session still open while close() waits, then closed once the lane
     * ran the close. Every wait is bounded.
     */
    @Test
    void closeClosesTheCurrentSessionOnTheStoreLaneAndWaitsForIt() throws Exception {
        CountDownLatch closeQueued = new CountDownLatch(1);
        TaskExecutor lane = new TaskExecutor() {
            @Override
            public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
                store.execute(task);
                if (task.name().equals("close session")) {
                    closeQueued.countDown();
                }
                return task;
            }

            @Override
            public void close() {
                store.close();
            }
        };
        SessionLifecycle closing = new SessionLifecycle(SessionParts.paths(), lane, notices, shown::add);
        closing.open(SessionParts.folderOfPhotos(temp.resolve("clinic")), Optional.empty());
        store.runAll();
        Session current = closing.sessionProperty().get();
        assertThat(current).isNotNull();

        AtomicBoolean returned = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            closing.close();
            returned.set(true);
        }, "close caller");
        caller.setDaemon(true);
        caller.start();
        assertThat(closeQueued.await(5, TimeUnit.SECONDS)).as("close() queued the close on the store lane").isTrue();
        // The lane is this thread and has run nothing yet: close() must still be waiting, the session still open.
        assertThat(returned).as("close() waits for the lane").isFalse();
        assertThat(current.photos().all()).as("not closed on the calling thread").hasSize(3);

        assertThat(store.runNamed("close session")).isTrue();
        caller.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(caller.isAlive()).as("close() returned once the lane closed the session").isFalse();
        assertThat(returned).isTrue();
        assertThatThrownBy(() -> current.photos().all()).isInstanceOf(SessionException.class);
    }
}
