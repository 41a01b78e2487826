package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.OcclusionMap;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.session.BatchProgress;
import ai.haski.desktop.session.BatchState;
import ai.haski.desktop.session.ReviewState;
import ai.haski.desktop.session.SessionExport;
import ai.haski.desktop.session.VerdictAction;
import ai.haski.desktop.ui.DesktopContext;
import ai.haski.desktop.ui.models.RuntimeChoice;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.result.ExplainViewModel;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session ViewModel on the real reference model and real photos, with the synchronous executor, no toolkit. */
class SessionViewModelTest {
    static final List<String> PHOTOS = List.of("skimage_camera.png", "skimage_coins.png", "phone_debian_logo.jpg",
            "broken_skimage_truncated.jpg");

    @TempDir
    Path temp;
    private final List<DesktopContext> contexts = new ArrayList<>();

    @AfterEach
    void close() {
        contexts.forEach(DesktopContext::close);
    }

    private DesktopContext start() {
        DesktopContext context = DesktopContext.create(AppPaths.current(), List.of(),
                new SettingsStore(temp.resolve("settings.json")), new CurrentThreadTaskExecutor());
        contexts.add(context);
        context.start();
        return context;
    }

    static Path folderOfPhotos(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir);
        for (String name : PHOTOS) {
            Files.copy(TestFiles.photo(name), folder.resolve(name));
        }
        return folder;
    }

    private static ReviewRow row(SessionViewModel session, String file) {
        return session.table().rows().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }

    private static Optional<Notice> notice(DesktopContext context) {
        return Optional.ofNullable(context.main().noticeProperty().get());
    }

    @Test
    void openingAFolderListsItsPhotosUnanalysedAndSelectsTheFirst() throws IOException {
        DesktopContext context = start();
        SessionViewModel session = context.session();

        session.openFolder(folderOfPhotos(temp.resolve("clinic")));

        assertThat(session.sessionProperty().get()).isNotNull();
        assertThat(session.table().rows()).extracting(ReviewRow::file).containsExactlyInAnyOrderElementsOf(PHOTOS);
        assertThat(session.table().rows()).noneMatch(ReviewRow::analysed);
        assertThat(session.review().selectedProperty().get()).isEqualTo(session.table().sortedRows().get(0));
        assertThat(session.table().countTextProperty().get()).isEqualTo("4 photos");
        assertThat(session.batch().progressTextProperty().get()).isEqualTo("4 photos, 0 analysed");
    }

    @Test
    void theBatchFillsEveryRowWithTheActiveModelsResultAndCountsTheFailure() throws IOException {
        DesktopContext context = start();
        SessionViewModel session = context.session();
        session.openFolder(folderOfPhotos(temp.resolve("clinic")));

        session.startBatch();

        BatchProgress last = session.batch().lastProgressProperty().get();
        assertThat(last.state()).isEqualTo(BatchState.FINISHED);
        assertThat(last.done()).isEqualTo(4);
        assertThat(last.failed()).isEqualTo(1);
        assertThat(session.batch().progressTextProperty().get()).startsWith("4 of 4 analysed, 1 failed").endsWith("finished");
        assertThat(session.batchRunningProperty().get()).isFalse();
        assertThat(session.table().rows()).allMatch(ReviewRow::analysed);
        assertThat(row(session, "broken_skimage_truncated.jpg").error()).isNotEmpty();
        assertThat(row(session, "skimage_camera.png").label("skin_type")).isNotEmpty();
        assertThat(session.table().headNames()).contains("skin_type");
        assertThat(notice(context).map(Notice::text)).hasValueSatisfying(text -> assertThat(text)
                .startsWith("Batch finished: 3 analysed, 1 failed"));
    }

    @Test
    void verdictsFlagsAndNotesAreSavedAtOnceAndSurviveReopeningTheFolder() throws IOException {
        Path folder = folderOfPhotos(temp.resolve("clinic"));
        DesktopContext context = start();
        SessionViewModel session = context.session();
        session.reviewer().setName("Ana Tester");
        session.openFolder(folder);
        session.startBatch();

        session.review().select(row(session, "phone_debian_logo.jpg"));
        session.review().acceptAll();
        assertThat(row(session, "phone_debian_logo.jpg").reviewState()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(session.review().selectedProperty().get().file()).as("accepting moves on").isEqualTo("skimage_camera.png");

        session.review().focusNextHead();
        HeadReview focused = session.review().heads().get(1);
        session.review().overrideFocused(2);
        HeadReview overridden = session.review().heads().get(1);
        assertThat(overridden.current()).hasValueSatisfying(verdict -> {
            assertThat(verdict.action()).isEqualTo(VerdictAction.OVERRIDE);
            assertThat(verdict.label()).isEqualTo(focused.labels().get(1));
            assertThat(verdict.reviewer()).isEqualTo("Ana Tester");
        });
        assertThat(row(session, "skimage_camera.png").reviewState()).isEqualTo(ReviewState.OVERRIDDEN);
        session.review().overrideFocused(1);
        assertThat(session.review().heads().get(1).verdictCount()).as("the earlier verdict is kept as history").isEqualTo(2);
        assertThat(session.review().heads().get(1).history()).contains("Ana Tester: override " + focused.labels().get(1));

        session.review().toggleFlag();
        session.review().saveNote("blurred, ask for another photo");
        assertThat(row(session, "skimage_camera.png").reviewState()).isEqualTo(ReviewState.FLAGGED);
        session.table().filterProperty().set(RowFilter.FLAGGED);
        assertThat(session.table().sortedRows()).extracting(ReviewRow::file).containsExactly("skimage_camera.png");
        session.table().filterProperty().set(RowFilter.ERRORS);
        assertThat(session.table().sortedRows()).extracting(ReviewRow::file).containsExactly("broken_skimage_truncated.jpg");
        session.table().filterProperty().set(RowFilter.UNREVIEWED);
        assertThat(session.table().sortedRows()).extracting(ReviewRow::file)
                .containsExactly("broken_skimage_truncated.jpg", "skimage_coins.png");
        session.table().filterProperty().set(RowFilter.ALL);

        // The same folder opened again, as after a restart: everything is still there and nothing is re-analysed.
        DesktopContext again = start();
        SessionViewModel reopened = again.session();
        reopened.openFolder(folder);
        assertThat(row(reopened, "phone_debian_logo.jpg").reviewState()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(row(reopened, "skimage_camera.png").reviewState()).isEqualTo(ReviewState.FLAGGED);
        reopened.review().select(row(reopened, "skimage_camera.png"));
        assertThat(reopened.review().noteTextProperty().get()).isEqualTo("blurred, ask for another photo");
        reopened.startBatch();
        assertThat(reopened.batch().lastProgressProperty().get().total()).isZero();
        assertThat(reopened.batch().lastProgressProperty().get().alreadyAnalysed()).isEqualTo(4);
    }

    @Test
    void nextUnreviewedSkipsReviewedPhotosAndAFailedPhotoCannotBeAccepted() throws IOException {
        DesktopContext context = start();
        SessionViewModel session = context.session();
        session.reviewer().setName("Ana Tester");
        session.openFolder(folderOfPhotos(temp.resolve("clinic")));
        session.startBatch();

        assertThat(session.review().selectedProperty().get().file()).isEqualTo("broken_skimage_truncated.jpg");
        session.review().acceptAll();
        assertThat(notice(context).map(Notice::text)).hasValueSatisfying(text -> assertThat(text)
                .isEqualTo("broken_skimage_truncated.jpg has no result to accept (its analysis failed); flag it (F) "
                        + "or write a note instead."));

        session.review().next();
        session.review().acceptAll();
        session.review().previous();
        session.review().previous();
        assertThat(session.review().selectedProperty().get().file()).isEqualTo("broken_skimage_truncated.jpg");
        session.review().nextUnreviewed();
        assertThat(session.review().selectedProperty().get().file()).isEqualTo("skimage_camera.png");
    }

    @Test
    void exportWritesTheVerdictsAndAFailedExportSaysWhyAndWhatToDo() throws IOException {
        DesktopContext context = start();
        SessionViewModel session = context.session();
        session.reviewer().setName("Ana Tester");
        session.openFolder(folderOfPhotos(temp.resolve("clinic")));
        session.startBatch();
        session.review().select(row(session, "skimage_coins.png"));
        session.review().acceptAll();

        Path csv = temp.resolve("out/review.csv");
        Files.createDirectories(csv.getParent());
        session.export().export(csv, ExportCommand.formatFor(csv));
        assertThat(Files.readString(csv)).contains("skimage_coins.png").contains("Ana Tester");
        assertThat(notice(context).map(Notice::text)).hasValueSatisfying(text -> assertThat(text)
                .startsWith("Exported 4 photos"));

        Path json = temp.resolve("out/review.json");
        assertThat(ExportCommand.formatFor(json)).isEqualTo(SessionExport.Format.JSON);
        session.export().export(json, SessionExport.Format.JSON);
        assertThat(Files.readString(json)).contains("\"Ana Tester\"");

        Path intoAFolder = Files.createDirectories(temp.resolve("out/a folder"));
        session.export().export(intoAFolder, SessionExport.Format.CSV);
        assertThat(notice(context)).hasValueSatisfying(notice -> {
            assertThat(notice.severity()).isEqualTo(Notice.Severity.ERROR);
            assertThat(notice.text()).startsWith("The export to " + intoAFolder + " failed: ")
                    .endsWith("free some disk space or choose another folder, and export again.");
        });
    }

    @Test
    void progressLinesSayCountRateAndTimeLeft() {
        BatchProgress running = new BatchProgress(BatchState.RUNNING, 100, 40, 2, 0, 5, Duration.ofSeconds(10), 4.0,
                Optional.of(Duration.ofSeconds(95)));
        assertThat(BatchViewModel.progressLine(running))
                .isEqualTo("40 of 100 analysed, 2 failed · 4.0 photos/s · about 1 min 35 s left (5 analysed before)");
        BatchProgress paused = new BatchProgress(BatchState.PAUSED, 100, 40, 0, 0, 0, Duration.ofSeconds(10), 4.0,
                Optional.of(Duration.ofSeconds(15)));
        assertThat(BatchViewModel.progressLine(paused)).isEqualTo("40 of 100 analysed · 4.0 photos/s · paused");
    }

    @Test
    void theReviewPaneExplainsTheSelectedPhotosStoredResultOnlyWithTheModelThatMadeIt() throws IOException {
        DesktopContext context = start();
        SessionViewModel session = context.session();
        session.openFolder(folderOfPhotos(temp.resolve("clinic")));
        session.startBatch();
        ExplainViewModel explain = session.explain();

        session.review().select(row(session, "skimage_camera.png"));
        assertThat(explain.canExplainProperty().get()).isTrue();
        explain.toggle("hair_type");

        OcclusionMap map = explain.mapProperty().get();
        assertThat(map).isNotNull();
        assertThat(map.head()).isEqualTo("hair_type");
        assertThat(map.label()).isEqualTo(row(session, "skimage_camera.png").label("hair_type"));
        assertThat(map.xEdge(map.cols())).as("the map covers the whole 512-pixel photo").isEqualTo(512);
        assertThat(explain.isExplained("hair_type")).isTrue();

        session.review().select(row(session, "broken_skimage_truncated.jpg"));
        assertThat(explain.mapProperty().get()).as("a new selection clears the map").isNull();
        assertThat(explain.canExplainProperty().get()).as("a failed result has nothing to explain").isFalse();

        session.review().select(row(session, "skimage_camera.png"));
        RuntimeChoice otherFormat = context.models().runtimeChoices().stream()
                .filter(choice -> choice.format().isPresent() && !choice.format().get().id()
                        .equals(row(session, "skimage_camera.png").result().orElseThrow().model().format()))
                .findFirst().orElseThrow();
        context.models().chooseRuntime(otherFormat);

        assertThat(explain.canExplainProperty().get()).isFalse();
        assertThat(explain.unavailableReasonProperty().get()).contains("another model than the active one");
        explain.toggle("hair_type");
        assertThat(explain.mapProperty().get()).isNull();
    }
}
