package ai.haski.desktop.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.catalog.ModelImporter;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.catalog.TinyOnnx;
import ai.haski.desktop.ui.task.QueuedTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typing in the Add model dialog proposes the package once the typing pauses, not after every key; Import acts on
 * the form as it is. Time passes when the test says so, and proposals run when it runs them.
 */
class AddModelDebounceTest {
    private static final String PROPOSE = "propose model import";

    @TempDir
    Path dir;
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final List<AddModelViewModel.Imported> imported = new ArrayList<>();
    private AddModelViewModel dialog;

    @BeforeEach
    void setUp() throws Exception {
        dialog = new AddModelViewModel(() -> new ModelImporter(SharedEngine.loader().backends(), dir.resolve("models"),
                Optional.of(TestFiles.referencePackage().resolve("test-input.png")), Optional.empty()),
                dir.resolve("scratch"), executor, imported::add);
        dialog.chooseFiles(List.of(Files.write(dir.resolve("typed.onnx"), TinyOnnx.nchw(16, 16, 14))));
        executor.passTime();
        executor.runAll();
        assertThat(dialog.canImportProperty().get()).isTrue();
    }

    @Test
    void choosingTheFilesProposesAtOnce() {
        assertThat(dialog.tensorsTextProperty().get()).startsWith("ONNX: typed.onnx");
    }

    @Test
    void keysTypedInARowAreProposedOnceAfterThePause() {
        dialog.idProperty().set("t");
        dialog.idProperty().set("ty");
        dialog.idProperty().set("typ");

        assertThat(executor.pendingNames()).isEmpty();
        assertThat(executor.scheduledCount()).isEqualTo(1);
        // Import is not offered for a form whose last change has not been checked yet.
        assertThat(dialog.canImportProperty().get()).isFalse();

        executor.passTime();

        assertThat(executor.pendingNames()).containsExactly(PROPOSE);
        assertThat(dialog.canImportProperty().get()).isFalse();
        executor.runAll();
        assertThat(dialog.canImportProperty().get()).isTrue();
    }

    @Test
    void aNewerProposalDropsTheResultOfTheOlder() {
        dialog.idProperty().set("Not An Id");
        executor.passTime();
        dialog.idProperty().set("fine-id");
        executor.passTime();
        assertThat(executor.pendingNames()).containsExactly(PROPOSE, PROPOSE);

        executor.runNext();
        // The older proposal (a bad id) finished, but its result is not shown, and the newer one still runs.
        assertThat(dialog.problemProperty(AddModelViewModel.Field.ID).get()).isEmpty();
        assertThat(dialog.proposingProperty().get()).isTrue();
        executor.runNext();
        assertThat(dialog.proposingProperty().get()).isFalse();
        assertThat(dialog.canImportProperty().get()).isTrue();
    }

    @Test
    void importProposesAWaitingChangeFirstInsteadOfImportingTheOldForm() {
        dialog.idProperty().set("Not An Id");

        dialog.importModel();

        assertThat(executor.scheduledCount()).isZero();
        assertThat(executor.pendingNames()).containsExactly(PROPOSE);
        executor.runAll();
        assertThat(imported).isEmpty();
        assertThat(dialog.problemProperty(AddModelViewModel.Field.ID).get()).isNotEmpty();
        assertThat(dialog.canImportProperty().get()).isFalse();
    }
}
