package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.session.Disagreement;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.ui.DesktopContext;
import ai.haski.desktop.ui.SecondModelPackages;
import ai.haski.desktop.ui.models.ModelChoice;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The label and models-disagree filters and the status bar's counts, on real models (the bundled reference, then
 * the same network from another seed) and real photos, with the synchronous executor.
 */
class SessionFiltersTest {
    @TempDir
    Path temp;
    private final List<DesktopContext> contexts = new ArrayList<>();

    @AfterEach
    void close() {
        contexts.forEach(DesktopContext::close);
    }

    private SessionViewModel openAndAnalyse() throws Exception {
        Path models = temp.resolve("models");
        SecondModelPackages.otherSeedIn(models);
        DesktopContext context = DesktopContext.create(AppPaths.current(), List.of(models),
                new SettingsStore(temp.resolve("settings.json")), new CurrentThreadTaskExecutor());
        contexts.add(context);
        context.start();
        SessionViewModel session = context.session();
        session.setReviewer("Ana Tester");
        session.openFolder(SessionViewModelTest.folderOfPhotos(temp.resolve("clinic")));
        session.startBatch();
        return session;
    }

    @Test
    void theLabelFilterKeepsThePhotosWhoseHeadHasThatLabel() throws Exception {
        SessionViewModel session = openAndAnalyse();
        ReviewRow camera = session.rows().stream().filter(r -> r.file().equals("skimage_camera.png")).findFirst()
                .orElseThrow();
        String hair = camera.label("hair_type");

        session.filterProperty().set(RowFilter.LABEL);
        assertThat(session.sortedRows()).as("no label chosen yet").isEmpty();
        session.labelHeadProperty().set("hair_type");
        assertThat(session.labelChoices()).contains(hair).isSorted();
        session.labelValueProperty().set(hair);

        assertThat(session.sortedRows()).isNotEmpty().allMatch(row -> row.label("hair_type").equals(hair))
                .extracting(ReviewRow::file).contains("skimage_camera.png");
        long expected = session.rows().stream().filter(row -> row.label("hair_type").equals(hair)).count();
        assertThat(session.sortedRows()).hasSize((int) expected);
        assertThat(session.countTextProperty().get()).isEqualTo(expected + " of 4 photos");
    }

    @Test
    void theStatusBarCountsPhotosAnalysedReviewedFlaggedErrorsAndNamesTheModel() throws Exception {
        SessionViewModel session = openAndAnalyse();
        assertThat(session.statusTextProperty().get())
                .isEqualTo("4 photos · 4 analysed · 0 reviewed · 0 flagged · 1 error · 0 missing");

        session.select(session.rows().stream().filter(r -> r.file().equals("skimage_coins.png")).findFirst()
                .orElseThrow());
        session.acceptAll();
        session.select(session.rows().stream().filter(r -> r.file().equals("skimage_camera.png")).findFirst()
                .orElseThrow());
        session.toggleFlag();

        assertThat(session.statusTextProperty().get())
                .isEqualTo("4 photos · 4 analysed · 1 reviewed · 1 flagged · 1 error · 0 missing");
        assertThat(session.activeModelTextProperty().get()).startsWith("Model: ").contains("1.0.0 (onnx)");
    }

    @Test
    void modelsDisagreeShowsExactlyThePhotosWhereTheTwoModelsTopLabelsDiffer() throws Exception {
        SessionViewModel session = openAndAnalyse();
        DesktopContext context = contexts.get(0);
        ModelChoice other = context.models().modelChoices().stream()
                .filter(choice -> choice.id().equals(SecondModelPackages.ID)).findFirst().orElseThrow();
        context.models().chooseModel(other);
        session.startBatch();

        assertThat(session.sessionModels()).hasSize(2);
        ModelKey a = session.modelAProperty().get();
        ModelKey b = session.modelBProperty().get();
        assertThat(a.modelId()).isEqualTo("haski-reference");
        assertThat(b.modelId()).isEqualTo(SecondModelPackages.ID);

        session.filterProperty().set(RowFilter.MODELS_DISAGREE);

        List<Disagreement> expected = session.sessionProperty().get().results().disagreements(a, b);
        assertThat(expected).as("another seed gives other top labels on some photos").isNotEmpty();
        Set<Long> photos = expected.stream().map(Disagreement::photoId).collect(Collectors.toSet());
        assertThat(session.sortedRows()).extracting(ReviewRow::photoId).containsExactlyInAnyOrderElementsOf(photos);
        for (Disagreement d : expected) {
            ReviewRow row = session.sortedRows().stream().filter(r -> r.photoId() == d.photoId()).findFirst()
                    .orElseThrow();
            // Heads and labels are listed in the same order, so the n-th label of each side is for the n-th head.
            int at = List.of(session.disagreeingHeads(row).split(", ")).indexOf(d.head());
            assertThat(at).isNotNegative();
            assertThat(session.firstModelLabels(row).split(", ")[at]).startsWith(d.labelA() + " ");
            assertThat(session.secondModelLabels(row).split(", ")[at]).startsWith(d.labelB() + " ");
        }

        // The same model twice disagrees with nothing.
        session.modelBProperty().set(a);
        assertThat(session.sortedRows()).isEmpty();
    }
}
