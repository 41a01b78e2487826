package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.session.ReviewState;
import ai.haski.desktop.session.ReviewerSettings;
import ai.haski.desktop.ui.dialog.ScriptedDialogs;
import ai.haski.desktop.ui.photo.DisplayDecoder;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle, table, review pane and reviewer on a real session of unanalysed photos in a temp folder, with the
 * synchronous executor and scripted dialogs: no toolkit, no model.
 */
class ReviewPaneViewModelTest {
    @TempDir
    Path temp;
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final SessionParts.Notices notices = new SessionParts.Notices();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ModelComparisonViewModel comparison;
    private final PhotoTableViewModel table;
    private final ReviewerViewModel reviewer;
    private final ReviewPaneViewModel review;
    private final SessionLifecycle lifecycle;

    ReviewPaneViewModelTest() {
        SessionLifecycle[] made = new SessionLifecycle[1];
        PhotoTableViewModel[] rows = new PhotoTableViewModel[1];
        ReviewPaneViewModel[] pane = new ReviewPaneViewModel[1];
        made[0] = new SessionLifecycle(SessionParts.paths(), executor, notices, opened -> {
            rows[0].show(opened.rows(), opened.summary());
            pane[0].showFirst();
        });
        lifecycle = made[0];
        comparison = new ModelComparisonViewModel(lifecycle.sessionProperty(), executor, notices);
        table = new PhotoTableViewModel(comparison.disagreementsProperty());
        rows[0] = table;
        reviewer = new ReviewerViewModel(ReviewerSettings.forUser(SessionParts.paths()), executor, notices, dialogs);
        review = new ReviewPaneViewModel(lifecycle.sessionProperty(), table, reviewer, executor, executor,
                new DisplayDecoder(new ImageLoader()), notices);
        pane[0] = review;
    }

    @AfterEach
    void close() {
        lifecycle.close();
    }

    private ReviewRow row(String file) {
        return table.rows().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void openingShowsTheFirstPhotoWithItsPictureAndTheKeysMoveThroughTheTable() throws Exception {
        lifecycle.open(SessionParts.folderOfPhotos(temp.resolve("clinic")), Optional.empty());

        assertThat(table.countTextProperty().get()).isEqualTo("3 photos");
        assertThat(review.selectedProperty().get()).isEqualTo(table.sortedRows().get(0));
        assertThat(review.pictureProperty().get()).isNotNull();
        assertThat(review.reviewTextProperty().get()).isEqualTo("Not analysed yet: run the batch (Session > "
                + "Analyse all).");
        review.next();
        assertThat(review.selectedProperty().get()).isEqualTo(table.sortedRows().get(1));
        review.previous();
        review.previous();
        assertThat(review.selectedProperty().get()).isEqualTo(table.sortedRows().get(0));
    }

    @Test
    void theReviewerIsAskedForAndFlagsAndNotesAreSavedAtOnce() throws Exception {
        lifecycle.open(SessionParts.folderOfPhotos(temp.resolve("clinic")), Optional.empty());
        dialogs.answer("  Ana Tester ");
        reviewer.askName();
        assertThat(dialogs.titles()).containsExactly(ReviewerViewModel.TITLE);
        assertThat(reviewer.reviewerProperty().get()).isEqualTo("Ana Tester");

        review.select(row("skimage_coins.png"));
        review.acceptAll();
        assertThat(notices.last().text()).isEqualTo("skimage_coins.png has no result to accept yet: run the batch "
                + "first.");
        review.toggleFlag();
        review.saveNote("ask for a sharper photo");
        assertThat(row("skimage_coins.png").reviewState()).isEqualTo(ReviewState.FLAGGED);
        assertThat(review.noteTextProperty().get()).isEqualTo("ask for a sharper photo");
        assertThat(table.statusTextProperty().get()).contains("1 flagged");
        table.filterProperty().set(RowFilter.FLAGGED);
        assertThat(table.sortedRows()).extracting(ReviewRow::file).containsExactly("skimage_coins.png");
    }

    @Test
    void aBlankOrCancelledNameChangesNothing() {
        String before = reviewer.reviewerProperty().get();
        dialogs.answer("   ").cancel();
        reviewer.askName();
        reviewer.askName();
        assertThat(reviewer.reviewerProperty().get()).isEqualTo(before);
        reviewer.setName("x".repeat(500));
        assertThat(notices.last().text()).startsWith("a reviewer name must have 1 to ");
        assertThat(reviewer.reviewerProperty().get()).isEqualTo(before);
    }
}
