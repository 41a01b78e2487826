package ai.haski.desktop.ui.result;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.OcclusionMap;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.DesktopContext;
import ai.haski.desktop.ui.models.ActiveModelState;
import ai.haski.desktop.ui.models.HandDrivenActiveModel;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import ai.haski.desktop.ui.task.QueuedTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Explain" toggles' state on the real reference model and a real photo, without the toolkit: the queued
 * executor holds each computation until the test runs it, so a test sees what happens while one is in flight.
 */
class ExplainViewModelTest {
    private static final String PHOTO = "phone_IMG_1054.JPG";

    @TempDir
    static Path temp;
    private static DesktopContext context;
    private static Analyzer analyzer;
    private static Analysis analysis;

    private final HandDrivenActiveModel active = new HandDrivenActiveModel();
    private final ResultViewModel result = new ResultViewModel();
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private ExplainViewModel explain;

    @BeforeAll
    static void analyse() {
        context = DesktopContext.create(AppPaths.current(), List.of(), new SettingsStore(temp.resolve("s.json")),
                new CurrentThreadTaskExecutor());
        context.start();
        context.main().open(TestFiles.photo(PHOTO));
        analyzer = context.models().state().analyzer().orElseThrow();
        analysis = (Analysis) context.main().result().outcomeProperty().get();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @BeforeEach
    void showResult() {
        active.set(ActiveModelState.ready(analyzer));
        result.show(analysis);
        explain = ExplainViewModel.forResult(active, result, executor);
    }

    @Test
    void aToggleComputesTheHeadsMapInTheBackgroundWithProgressAndASecondPressClearsIt() {
        assertThat(explain.canExplainProperty().get()).isTrue();
        assertThat(explain.opacityProperty().get()).isEqualTo(0.5);

        explain.toggle(0);

        assertThat(explain.explainedHeadProperty().get()).isZero();
        assertThat(explain.runningProperty().get()).isTrue();
        assertThat(explain.mapProperty().get()).isNull();
        assertThat(executor.pendingNames()).hasSize(1);

        executor.runNext();

        OcclusionMap map = explain.mapProperty().get();
        assertThat(map).isNotNull();
        assertThat(map.head()).isEqualTo(analysis.heads().get(0).head());
        assertThat(map.label()).isEqualTo(analysis.heads().get(0).topLabel());
        assertThat(map.rows()).isEqualTo(14);
        // Stretched to the input: the map covers the whole upright photo.
        assertThat(map.xEdge(0)).isZero();
        assertThat(map.xEdge(map.cols())).isEqualTo(analysis.image().width());
        assertThat(map.yEdge(map.rows())).isEqualTo(analysis.image().height());
        assertThat(explain.runningProperty().get()).isFalse();
        assertThat(explain.progressProperty().get()).isEqualTo(1.0);
        assertThat(explain.titleProperty().get()).startsWith("Skin type: ");
        assertThat(explain.scaleTextProperty().get()).startsWith("± ");
        assertThat(explain.messageProperty().get()).isEmpty();

        explain.toggle(0);

        assertThat(explain.explainedHeadProperty().get()).isEqualTo(-1);
        assertThat(explain.mapProperty().get()).isNull();
    }

    @Test
    void anotherToggleCancelsTheFirstAndOnlyTheLatestMapIsShown() {
        explain.toggle(0);
        explain.toggle(1);
        assertThat(explain.explainedHeadProperty().get()).isEqualTo(1);

        executor.runNext();
        assertThat(explain.mapProperty().get()).isNull();
        assertThat(explain.runningProperty().get()).isTrue();

        executor.runNext();
        assertThat(explain.mapProperty().get().head()).isEqualTo(analysis.heads().get(1).head());
        assertThat(explain.runningProperty().get()).isFalse();
    }

    @Test
    void aNewPhotoCancelsTheComputationAndClearsTheMap() {
        explain.toggle(0);
        executor.runNext();
        explain.toggle(2);

        result.showPlaceholder("Analysing the next photo…");

        assertThat(explain.explainedHeadProperty().get()).isEqualTo(-1);
        assertThat(explain.runningProperty().get()).isFalse();
        assertThat(explain.canExplainProperty().get()).isFalse();
        executor.runNext();
        assertThat(explain.mapProperty().get()).isNull();
        assertThat(explain.explainedHeadProperty().get()).isEqualTo(-1);
    }

    @Test
    void aModelSwitchCancelsTheComputationAndNoToggleWorksWhileTheModelLoads() {
        explain.toggle(0);

        active.set(active.state().loadingNext());

        assertThat(explain.explainedHeadProperty().get()).isEqualTo(-1);
        assertThat(explain.canExplainProperty().get()).isFalse();
        executor.runNext();
        assertThat(explain.mapProperty().get()).isNull();
        explain.toggle(0);
        assertThat(explain.explainedHeadProperty().get()).isEqualTo(-1);
        assertThat(executor.pendingNames()).isEmpty();
    }

    @Test
    void aResultOfARegionIsExplainedOverThatRegionOnly() {
        Region box = Region.user(200, 150, 600, 450);
        Analysis ofBox = (Analysis) analyzer.analyze(TestFiles.photo(PHOTO), box);
        result.show(ofBox);

        explain.toggle(0);
        executor.runNext();

        OcclusionMap map = explain.mapProperty().get();
        assertThat(map.probability()).isEqualTo(ofBox.heads().get(0).probability(map.label()));
        assertThat(map.xEdge(0)).isEqualTo(200);
        assertThat(map.xEdge(map.cols())).isEqualTo(800);
        assertThat(map.yEdge(0)).isEqualTo(150);
        assertThat(map.yEdge(map.rows())).isEqualTo(600);
    }

    @Test
    void theColourScaleIsSymmetricTransparentAtZeroAndScaledByTheLargestValue() {
        assertThat(HeatScale.argb(0, 0.2)).isZero();
        assertThat(HeatScale.argb(0.2, 0.2)).isEqualTo(0xFF000000 | HeatScale.FOR_RGB);
        assertThat(HeatScale.argb(-0.4, 0.2)).isEqualTo(0xFF000000 | HeatScale.AGAINST_RGB);
        assertThat(HeatScale.argb(-0.1, 0.2) >>> 24).isEqualTo(HeatScale.argb(0.1, 0.2) >>> 24).isEqualTo(128);
        assertThat(HeatScale.argb(0.1, 0)).isZero();
    }
}
