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
        session.reviewer().setName("Ana Tester");
        session.openFolder(SessionViewModelTest.folderOfPhotos(temp.resolve("clinic")));
        session.startBatch();
        return session;
    }

    @Test
    void theLabelFilterKeepsThePhotosWhoseHeadHasThatLabel() throws Exception {
        SessionViewModel session = openAndAnalyse();
        ReviewRow camera = session.table().rows().stream().filter(r -> r.file().equals("skimage_camera.png")).findFirst()
                .orElseThrow();
        String hair = camera.label("hair_type");

        session.table().filterProperty().set(RowFilter.LABEL);
        assertThat(session.table().sortedRows()).as("no label chosen yet").isEmpty();
        session.table().labelHeadProperty().set("hair_type");
        assertThat(session.table().labelChoices()).contains(hair).isSorted();
        session.table().labelValueProperty().set(hair);

        assertThat(session.table().sortedRows()).isNotEmpty().allMatch(row -> row.label("hair_type").equals(hair))
                .extracting(ReviewRow::file).contains("skimage_camera.png");
        long expected = session.table().rows().stream().filter(row -> row.label("hair_type").equals(hair)).count();
        assertThat(session.table().sortedRows()).hasSize((int) expected);
        assertThat(session.table().countTextProperty().get()).isEqualTo(expected + " of 4 photos");
    }

    @Test
    void theStatusBarCountsPhotosAnalysedReviewedFlaggedErrorsAndNamesTheModel() throws Exception {
        SessionViewModel session = openAndAnalyse();
        assertThat(session.table().statusTextProperty().get())
                .isEqualTo("4 photos · 4 analysed · 0 reviewed · 0 flagged · 1 error · 0 missing");

        session.review().select(session.table().rows().stream().filter(r -> r.file().equals("skimage_coins.png")).findFirst()
                .orElseThrow());
        session.review().acceptAll();
        session.review().select(session.table().rows().stream().filter(r -> r.file().equals("skimage_camera.png")).findFirst()
                .orElseThrow());
        session.review().toggleFlag();

        assertThat(session.table().statusTextProperty().get())
                .isEqualTo("4 photos · 4 analysed · 1 reviewed · 1 flagged · 1 error · 0 missing");
        assertThat(session.batch().activeModelTextProperty().get()).startsWith("Model: ").contains("1.0.0 (onnx)");
    }

    @Test
    void modelsDisagreeShowsExactlyThePhotosWhereTheTwoModelsTopLabelsDiffer() throws Exception {
        SessionViewModel session = openAndAnalyse();
        DesktopContext context = contexts.get(0);
        ModelChoice other = context.models().modelChoices().stream()
                .filter(choice -> choice.id().equals(SecondModelPackages.ID)).findFirst().orElseThrow();
        context.models().chooseModel(other);
        session.startBatch();

        assertThat(session.comparison().sessionModels()).hasSize(2);
        ModelKey a = session.comparison().modelAProperty().get();
        ModelKey b = session.comparison().modelBProperty().get();
        assertThat(a.modelId()).isEqualTo("haski-reference");
        assertThat(b.modelId()).isEqualTo(SecondModelPackages.ID);

        session.table().filterProperty().set(RowFilter.MODELS_DISAGREE);

        List<Disagreement> expected = session.sessionProperty().get().results().disagreements(a, b);
        assertThat(expected).as("another seed gives other top labels on some photos").isNotEmpty();
        Set<Long> photos = expected.stream().map(Disagreement::photoId).collect(Collectors.toSet());
        assertThat(session.table().sortedRows()).extracting(ReviewRow::photoId).containsExactlyInAnyOrderElementsOf(photos);
        for (Disagreement d : expected) {
            ReviewRow row = session.table().sortedRows().stream().filter(r -> r.photoId() == d.photoId()).findFirst()
                    .orElseThrow();
            // Heads and labels are listed in the same order, so the n-th label of each side is for the n-th head.
            int at = List.of(session.comparison().disagreeingHeads(row).split(", ")).indexOf(d.head());
            assertThat(at).isNotNegative();
            assertThat(session.comparison().firstModelLabels(row).split(", ")[at]).startsWith(d.labelA() + " ");
            assertThat(session.comparison().secondModelLabels(row).split(", ")[at]).startsWith(d.labelB() + " ");
        }

        // The same model twice disagrees with nothing.
        session.comparison().modelBProperty().set(a);
        assertThat(session.table().sortedRows()).isEmpty();
    }
}
