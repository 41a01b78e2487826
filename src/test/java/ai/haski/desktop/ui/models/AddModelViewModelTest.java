package ai.haski.desktop.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.catalog.ModelImporter;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.catalog.TinyOnnx;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.ui.models.AddModelViewModel.Field;
import ai.haski.desktop.ui.models.AddModelViewModel.HeadsSource;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Add model dialog's ViewModel over the real importer and runtimes, without the JavaFX toolkit: what the user
 * sees after each thing they do, and every mistake they can make.
 */
class AddModelViewModelTest {
    @TempDir
    Path dir;
    Path models;
    final List<AddModelViewModel.Imported> imported = new ArrayList<>();
    AddModelViewModel dialog;

    @BeforeEach
    void setUp() {
        models = dir.resolve("models");
        dialog = newDialog(Optional.empty());
    }

    private AddModelViewModel newDialog(Optional<ModelRegistry> known) {
        return new AddModelViewModel(() -> new ModelImporter(SharedEngine.loader().backends(), models,
                Optional.of(TestFiles.referencePackage().resolve("test-input.png")), known),
                dir.resolve("scratch"), new CurrentThreadTaskExecutor(), imported::add);
    }

    private Path onnx(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private String problem(Field field) {
        return dialog.problemProperty(field).get();
    }

    @Test
    void aFourteenValueModelIsReadProposedAndImportedWithItsSelfCheck() throws Exception {
        Path file = onnx("Skin Net.onnx", TinyOnnx.nchw(16, 16, 14));

        dialog.chooseFiles(List.of(file));

        assertThat(dialog.tensorsTextProperty().get()).startsWith("ONNX: Skin Net.onnx on ONNX Runtime")
                .contains("input   image [1, 3, 16, 16] float32").contains("output  scores [1, 14] float32");
        assertThat(dialog.idProperty().get()).isEqualTo("skin-net");
        assertThat(dialog.nameProperty().get()).isEqualTo("Skin Net");
        assertThat(dialog.headsSourceProperty().get()).isEqualTo(HeadsSource.DEFAULT);
        assertThat(dialog.headsTextProperty().get()).startsWith("skin_type: normal, dry, oily, combination, sensitive\n");
        assertThat(dialog.proposedInputProperty().get()).isEqualTo(
                "image 16 x 16, NCHW, mean 0.485,0.456,0.406, std 0.229,0.224,0.225");
        assertThat(dialog.canImportProperty().get()).isTrue();
        for (Field field : Field.values()) {
            assertThat(problem(field)).as(field.name()).isEmpty();
        }

        dialog.importModel();

        assertThat(dialog.importedProperty().get()).isTrue();
        assertThat(dialog.canImportProperty().get()).isFalse();
        assertThat(dialog.resultTextProperty().get()).startsWith("Self-check passed: SHA-256, shapes and test vector")
                .contains("Written to " + models.resolve("skin-net"));
        assertThat(imported).hasSize(1);
        assertThat(imported.get(0).makeActive()).isTrue();
        assertThat(imported.get(0).result().modelPackage().manifest().name()).isEqualTo("Skin Net");
        assertThat(models.resolve("skin-net").resolve("model.json")).isRegularFile();
    }

    @Test
    void labelsThatDoNotMatchTheOutputAreShownAtTheLabelsAndTypedHeadsFixThem() throws Exception {
        dialog.chooseFiles(List.of(onnx("seven.onnx", TinyOnnx.nchw(16, 16, 7))));

        assertThat(problem(Field.LABELS)).contains("has 7 values").contains("load a labels file or type the heads");
        assertThat(dialog.canImportProperty().get()).isFalse();
        assertThat(dialog.tensorsTextProperty().get()).contains("output  scores [1, 7] float32");

        dialog.headsTextProperty().set("skin: a, b, c\nhair: d, e");

        assertThat(dialog.headsSourceProperty().get()).isEqualTo(HeadsSource.TYPED);
        assertThat(problem(Field.LABELS)).startsWith("The heads typed here gives 5 labels for output scores")
                .contains("has 7 values");
        assertThat(dialog.canImportProperty().get()).isFalse();

        dialog.headsTextProperty().set("skin: a, b, c\nhair: d, e, f, g");

        assertThat(problem(Field.LABELS)).isEmpty();
        assertThat(dialog.canImportProperty().get()).isTrue();
        dialog.importModel();
        assertThat(imported.get(0).result().modelPackage().manifest().heads())
                .extracting(h -> h.name() + "=" + h.labels()).containsExactly("skin=[a, b, c]", "hair=[d, e, f, g]");
        assertThat(dir.resolve("scratch")).isEmptyDirectory();
    }

    @Test
    void aLabelsFileFillsTheHeads() throws Exception {
        dialog.chooseFiles(List.of(onnx("seven.onnx", TinyOnnx.nchw(16, 16, 7))));
        Path labels = Files.writeString(dir.resolve("labels.json"),
                "{\"heads\": [{\"name\": \"condition\", \"labels\": [\"healthy\", \"a\", \"b\", \"c\"], "
                        + "\"none_label\": \"healthy\"}, {\"name\": \"tone\", \"labels\": [\"x\", \"y\", \"z\"]}]}");

        dialog.chooseLabelsFile(labels);

        assertThat(dialog.headsSourceProperty().get()).isEqualTo(HeadsSource.FILE);
        assertThat(dialog.labelsFileProperty().get()).isEqualTo(labels);
        assertThat(dialog.headsTextProperty().get()).isEqualTo("condition: healthy, a, b, c\ntone: x, y, z");
        assertThat(dialog.canImportProperty().get()).isTrue();
    }

    @Test
    void aLabelsFileOfTheWrongSizeIsRefusedWithBothNumbers() throws Exception {
        dialog.chooseFiles(List.of(onnx("seven.onnx", TinyOnnx.nchw(16, 16, 7))));
        Path labels = Files.writeString(dir.resolve("labels.json"), "{\"skin\": [\"a\", \"b\"]}");

        dialog.chooseLabelsFile(labels);

        assertThat(problem(Field.LABELS)).contains(labels.toString()).contains("gives 2 labels")
                .contains("has 7 values");
        assertThat(dialog.canImportProperty().get()).isFalse();
    }

    @Test
    void aModelWithTwoInputsIsRefusedNextToTheFilesAndItsTensorsAreShown() throws Exception {
        dialog.chooseFiles(List.of(onnx("two.onnx", TinyOnnx.twoInputs())));

        assertThat(problem(Field.FILES)).contains("has 2 inputs");
        assertThat(dialog.tensorsTextProperty().get()).contains("input   image").contains("input   extra");
        assertThat(dialog.canImportProperty().get()).isFalse();
    }

    @Test
    void anUnloadableFileShowsTheRuntimesMessageAndKeepsWhatTheUserTyped() throws Exception {
        dialog.idProperty().set("my-model");
        dialog.nameProperty().set("My model");

        dialog.chooseFiles(List.of(onnx("broken.onnx", new byte[] {1, 2, 3, 4, 5})));

        assertThat(problem(Field.FILES)).contains("broken.onnx: ONNX Runtime cannot load it");
        assertThat(dialog.idProperty().get()).isEqualTo("my-model");
        assertThat(dialog.nameProperty().get()).isEqualTo("My model");
        assertThat(dialog.canImportProperty().get()).isFalse();
    }

    @Test
    void aFileThatIsNoModelIsRefused() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a model");

        dialog.chooseFiles(List.of(notes));

        assertThat(problem(Field.FILES)).isEqualTo(notes + " is not a .onnx or .tflite file");
        assertThat(dialog.canImportProperty().get()).isFalse();
    }

    @Test
    void anIdInUseIsShownAtTheIdAndTheTensorsStay() throws Exception {
        ModelRegistry known = ModelRegistry.scan(List.of(new ModelRegistry.Root(
                TestFiles.referencePackage().getParent(), ModelPackage.Source.BUNDLED)));
        dialog = newDialog(Optional.of(known));
        dialog.chooseFiles(List.of(onnx("tiny.onnx", TinyOnnx.nchw(16, 16, 14))));
        assertThat(dialog.canImportProperty().get()).isTrue();

        dialog.idProperty().set("haski-reference");

        assertThat(problem(Field.ID)).startsWith("\"haski-reference\" is already the id of the bundled model");
        assertThat(dialog.tensorsTextProperty().get()).contains("output  scores [1, 14] float32");
        assertThat(dialog.canImportProperty().get()).isFalse();

        dialog.idProperty().set("Not An Id");
        assertThat(problem(Field.ID)).startsWith("Must be lower-case letters");

        dialog.idProperty().set("tiny-two");
        assertThat(problem(Field.ID)).isEmpty();
        assertThat(dialog.canImportProperty().get()).isTrue();
    }

    @Test
    void inputFieldsAreCheckedAsTheUserTypesAndPassedToTheImporter() throws Exception {
        dialog.chooseFiles(List.of(onnx("pixels.onnx", TinyOnnx.nhwc(null, null, 14))));

        assertThat(problem(Field.INPUT)).contains("dynamic height or width");
        assertThat(dialog.canImportProperty().get()).isFalse();

        dialog.widthProperty().set("twenty");
        assertThat(problem(Field.INPUT)).isEqualTo("The width must be a whole number of pixels, found \"twenty\"");

        dialog.widthProperty().set("20");
        assertThat(problem(Field.INPUT)).isEqualTo("Give both the width and the height, or neither (the model's own)");

        dialog.heightProperty().set("24");
        dialog.meanProperty().set("0.5, 0.5, 0.5");
        assertThat(problem(Field.INPUT)).isEqualTo("Give both the mean and the std, or neither (ImageNet's)");

        dialog.stdProperty().set("0.25, 0.25, 0.25");
        assertThat(problem(Field.INPUT)).isEmpty();
        assertThat(dialog.proposedInputProperty().get())
                .isEqualTo("pixels 20 x 24, NHWC, mean 0.500,0.500,0.500, std 0.250,0.250,0.250");
        assertThat(dialog.canImportProperty().get()).isTrue();
    }

    @Test
    void malformedTypedHeadsSayWhichLine() throws Exception {
        dialog.chooseFiles(List.of(onnx("seven.onnx", TinyOnnx.nchw(16, 16, 7))));

        dialog.headsTextProperty().set("skin: a, b\njust words");

        assertThat(problem(Field.LABELS)).startsWith("line 2 (\"just words\") should read head_name: label, label");
        assertThat(dialog.canImportProperty().get()).isFalse();
    }

    @Test
    void anOnnxAndATfliteExportOfOneNetworkAreReadCrossCheckedAndImportedAsOnePackage() throws Exception {
        Path reference = TestFiles.referencePackage();
        dialog.chooseFiles(List.of(reference.resolve("model.onnx"), reference.resolve("model.tflite")));
        dialog.idProperty().set("both-formats");

        assertThat(dialog.tensorsTextProperty().get()).contains("ONNX: model.onnx on ONNX Runtime")
                .contains("TFLite: model.tflite on TensorFlow Lite");
        assertThat(dialog.canImportProperty().get()).isTrue();
        dialog.importModel();

        ModelPackage pkg = imported.get(0).result().modelPackage();
        assertThat(pkg.manifest().backendPreference()).extracting(f -> f.id()).containsExactly("onnx", "tflite");
        assertThat(dialog.resultTextProperty().get()).contains("onnx ").contains("tflite ");
    }

    @Test
    void aQuantisedTfliteModelShowsItsScaleAndZeroPoint() throws Exception {
        dialog.chooseFiles(List.of(TestFiles.int8Package().resolve("model-int8.tflite")));

        assertThat(dialog.tensorsTextProperty().get()).startsWith("TFLite: model-int8.tflite on TensorFlow Lite")
                .containsPattern("input   \\S+ \\[1, \\d+, \\d+, 3\\] u?int8 \\(scale [0-9.E-]+, zero point -?\\d+\\)");
        assertThat(dialog.canImportProperty().get()).isTrue();
    }

    @Test
    void anImportRefusedAtTheLastMomentSaysWhyAndKeepsTheForm() throws Exception {
        dialog.chooseFiles(List.of(onnx("late.onnx", TinyOnnx.nchw(16, 16, 14))));
        assertThat(dialog.canImportProperty().get()).isTrue();
        // Another window (or the command line) takes the id after the dialog checked it.
        Files.createDirectories(models.resolve("late"));

        dialog.importModel();

        assertThat(imported).isEmpty();
        assertThat(problem(Field.ID)).isEqualTo("A package \"late\" already exists at " + models.resolve("late")
                + "; choose another id, or remove it first (Model > Remove…)");
        assertThat(dialog.statusTextProperty().get())
                .isEqualTo("The import failed; nothing was written. Fix the marked field and import again.");
        assertThat(dialog.idProperty().get()).isEqualTo("late");
        assertThat(dialog.files()).hasSize(1);

        dialog.idProperty().set("late-two");
        assertThat(dialog.canImportProperty().get()).isTrue();
    }
}
