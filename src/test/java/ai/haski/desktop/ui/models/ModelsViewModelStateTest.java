package ai.haski.desktop.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.Settings;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.UserDataDir;
import ai.haski.desktop.ui.notice.NoticeBoard;
import ai.haski.desktop.ui.task.QueuedTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models part's one state property up to the load itself, without the JavaFX toolkit: the runtimes are probed,
 * the load is asked for and held, and no model is ever loaded (the real loads are in MainViewModelTest).
 */
class ModelsViewModelStateTest {
    @TempDir
    Path temp;
    private UserDataDir dataDir;
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final NoticeBoard notices = new NoticeBoard();
    private SettingsStore settings;
    private ModelsViewModel models;

    @BeforeEach
    void setUp() {
        dataDir = UserDataDir.at(temp.resolve("data"));
        settings = new SettingsStore(temp.resolve("settings.json"));
        models = new ModelsViewModel(Engine.create(AppPaths.current(), List.of()), settings, executor, notices,
                ThreadBudget.single());
    }

    @AfterEach
    void tearDown() {
        dataDir.close();
    }

    @Test
    void itStartsLoadingWithNoAnalyzer() {
        assertThat(models.state()).isEqualTo(ActiveModelState.starting());
        assertThat(models.loadingProperty().get()).isTrue();
        assertThat(models.analyzerProperty().get()).isNull();
        assertThat(models.noModelReason()).contains("the model is still loading");
    }

    @Test
    void theProbeListsThePackagesAndAsksForTheLoadWhileAnalysesWait() {
        List<Optional<Analyzer>> waited = new ArrayList<>();
        models.whenReady(waited::add);

        models.start();
        assertThat(executor.pendingNames()).containsExactly("probe runtimes");
        executor.runNext();

        assertThat(models.modelChoices()).extracting(ModelChoice::id).contains("haski-reference");
        assertThat(executor.pendingNames()).containsExactly("load model haski-reference");
        assertThat(models.state().loading()).isTrue();
        assertThat(models.selfCheckProperty().get()).isEqualTo(SelfCheckState.RUNNING);
        assertThat(waited).isEmpty();
        assertThat(models.runtimeSummary()).isNotEqualTo("not probed yet");
    }

    @Test
    void aChoiceWhileAModelLoadsIsIgnored() {
        models.start();
        executor.runNext();
        ModelChoice reference = models.modelChoices().get(0);

        models.chooseModel(reference);

        assertThat(executor.pendingNames()).containsExactly("load model haski-reference");
    }

    @Test
    void aRememberedModelThatIsGoneFallsBackToTheDefaultWithAWarning() throws Exception {
        settings.save(Settings.DEFAULT.withModel("uninstalled", Optional.empty()));

        models.start();
        executor.runNext();

        assertThat(notices.currentProperty().get().text()).startsWith("The model you chose last time, "
                + "\"uninstalled\", is no longer installed; using the default model, ");
        assertThat(executor.pendingNames()).containsExactly("load model haski-reference");
    }

    @Test
    void closingWithNoModelLeavesNoneActive() {
        models.close();

        assertThat(models.state().loading()).isFalse();
        assertThat(models.state().analyzer()).isEmpty();
        assertThat(models.loadingProperty().get()).isFalse();
    }
}
