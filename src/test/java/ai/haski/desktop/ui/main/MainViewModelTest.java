package ai.haski.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.Settings;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.DesktopContext;
import ai.haski.desktop.ui.TestModelPackages;
import ai.haski.desktop.ui.drop.DropContent;
import ai.haski.desktop.ui.models.ModelChoice;
import ai.haski.desktop.ui.models.ModelsViewModel;
import ai.haski.desktop.ui.models.RuntimeChoice;
import ai.haski.desktop.ui.models.SelfCheckState;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.photo.ArgbPixels;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import ai.haski.desktop.ui.task.QueuedTaskExecutor;
import ai.haski.desktop.ui.task.TaskExecutor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's ViewModel on the real reference model and real photos, without the JavaFX toolkit. */
class MainViewModelTest {
    private static final String PHOTO = "phone_IMG_1054.JPG";

    @TempDir
    Path temp;
    private final List<DesktopContext> contexts = new ArrayList<>();

    private DesktopContext start(TaskExecutor executor, List<Path> extraRoots) {
        DesktopContext context = DesktopContext.create(AppPaths.current(), extraRoots,
                new SettingsStore(temp.resolve("settings.json")), executor);
        contexts.add(context);
        context.start();
        return context;
    }

    private DesktopContext start() {
        return start(new CurrentThreadTaskExecutor(), List.of());
    }

    @AfterEach
    void close() {
        contexts.forEach(DesktopContext::close);
    }

    private static Analysis shownAnalysis(MainViewModel main) {
        assertThat(main.result().outcomeProperty().get()).isInstanceOf(Analysis.class);
        return (Analysis) main.result().outcomeProperty().get();
    }

    private static RuntimeChoice runtime(ModelsViewModel models, String format) {
        return models.runtimeChoices().stream()
                .filter(c -> c.format().map(f -> f.id().equals(format)).orElse(false)).findFirst().orElseThrow();
    }

    private static ModelChoice model(ModelsViewModel models, String id) {
        return models.modelChoices().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void openingAPhotoShowsItAndTheReferenceModelsResultWithTheBanner() {
        MainViewModel main = start().main();
        Path photo = TestFiles.photo(PHOTO);

        main.open(photo);

        assertThat(main.pictureProperty().get()).isNotNull();
        assertThat(main.pictureProperty().get().originalWidth()).isEqualTo(1280);
        Analysis analysis = shownAnalysis(main);
        assertThat(analysis.provenance().modelId()).isEqualTo("haski-reference");
        assertThat(analysis.provenance().format()).isEqualTo("onnx");
        assertThat(main.result().heads()).extracting(h -> h.title()).containsExactly("Skin type", "Hair type", "Condition");
        assertThat(main.result().heads().get(0).shares()).hasSize(5)
                .isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
        assertThat(main.result().provenance()).anySatisfy(line -> {
            assertThat(line.name()).isEqualTo("SHA-256");
            assertThat(line.value()).hasSize(12).isEqualTo(analysis.provenance().modelSha256().substring(0, 12));
        });
        assertThat(main.models().bannerTextProperty().get()).isEqualTo("Not for clinical use: Haski reference "
                + "network (untrained) is untrained / not validated; its outputs mean nothing medically.");
        assertThat(main.models().selfCheckProperty().get()).isEqualTo(SelfCheckState.PASSED);
        assertThat(main.models().runtimeTextProperty().get()).startsWith("ONNX Runtime");
        assertThat(main.lastAnalysisTextProperty().get()).matches("Last analysis: \\d+ ms");
        assertThat(main.resultJson()).hasValueSatisfying(json -> assertThat(json).contains("\"model_id\" : \"haski-reference\""));
        assertThat(main.busyProperty().get()).isFalse();
    }

    @Test
    void aBrokenPhotoShowsTheEnginesMessageAndTheAppGoesOn() {
        MainViewModel main = start().main();
        main.open(TestFiles.photo("broken_skimage_truncated.jpg"));

        assertThat(main.result().errorTextProperty().get()).startsWith("Cannot use broken_skimage_truncated.jpg");
        assertThat(main.pictureMessageProperty().get()).startsWith("Cannot use broken_skimage_truncated.jpg");

        main.open(TestFiles.photo(PHOTO));
        assertThat(shownAnalysis(main).file().getFileName().toString()).isEqualTo(PHOTO);
        assertThat(main.result().errorTextProperty().get()).isEmpty();
    }

    @Test
    void anImageOverTheSizeLimitIsRefusedWithTheReasonBeforeAnythingIsDecoded() throws IOException {
        MainViewModel main = start().main();
        Path huge = Files.write(temp.resolve("huge.png"), pngHeader(20_000, 20_000));

        main.open(huge);

        assertThat(main.result().errorTextProperty().get()).startsWith("Cannot use huge.png").contains("400");
        assertThat(main.pictureMessageProperty().get()).startsWith("Cannot use huge.png");
        assertThat(main.pictureProperty().get()).isNull();
    }

    /** A PNG signature and IHDR chunk declaring the size, and nothing more: enough for a header-first check. */
    private static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        return java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    @Test
    void switchingToTfliteReanalysesTheShownPhotoAndIsRemembered() {
        MainViewModel main = start().main();
        main.open(TestFiles.photo(PHOTO));

        main.models().chooseRuntime(runtime(main.models(), "tflite"));

        assertThat(shownAnalysis(main).provenance().runtime()).isEqualTo("TensorFlow Lite");
        assertThat(main.result().madeByTextProperty().get()).contains("tflite, TensorFlow Lite");
        assertThat(main.models().runtimeTextProperty().get()).startsWith("TensorFlow Lite");
        assertThat(new SettingsStore(temp.resolve("settings.json")).load())
                .isEqualTo(new Settings(Optional.of("haski-reference"), Optional.of("tflite")));

        MainViewModel restarted = start().main();
        assertThat(restarted.models().runtimeTextProperty().get()).startsWith("TensorFlow Lite");
        assertThat(restarted.models().activeRuntimeChoiceProperty().get().label()).startsWith("TensorFlow Lite");
    }

    @Test
    void aModelThatFailsItsSelfCheckIsRefusedAndThePreviousStays() {
        Path extra = temp.resolve("models");
        TestModelPackages.brokenReferenceIn(extra);
        MainViewModel main = start(new CurrentThreadTaskExecutor(), List.of(extra)).main();
        main.open(TestFiles.photo(PHOTO));
        Analysis before = shownAnalysis(main);

        main.models().chooseModel(model(main.models(), TestModelPackages.BROKEN_ID));

        Notice notice = main.noticeProperty().get();
        assertThat(notice.severity()).isEqualTo(Notice.Severity.ERROR);
        assertThat(notice.text()).startsWith("Model broken-reference was refused, so haski-reference 1.0.0 (onnx, "
                + "ONNX Runtime").contains("test vector");
        assertThat(main.models().selfCheckProperty().get()).isEqualTo(SelfCheckState.FAILED);
        assertThat(main.models().activeModelChoiceProperty().get().id()).isEqualTo("haski-reference");
        assertThat(main.models().modelTextProperty().get()).isEqualTo("haski-reference 1.0.0 (onnx)");
        assertThat(shownAnalysis(main)).isSameAs(before);
        assertThat(new SettingsStore(temp.resolve("settings.json")).load()).isEqualTo(Settings.DEFAULT);
        assertThat(main.statusTextProperty().get()).isEqualTo("Ready: haski-reference 1.0.0 (onnx) is active");

        main.open(TestFiles.photo("skimage_astronaut.png"));
        assertThat(shownAnalysis(main).provenance().modelId()).isEqualTo("haski-reference");
    }

    @Test
    void aRefusedPackageIsListedWithItsReasonAndCannotBeChosen() throws IOException {
        Path extra = temp.resolve("models");
        Files.createDirectories(extra.resolve("half-copied"));
        Files.writeString(extra.resolve("half-copied/model.json"), "{\"format_version\": 1");
        MainViewModel main = start(new CurrentThreadTaskExecutor(), List.of(extra)).main();

        ModelChoice refused = model(main.models(), "half-copied");
        assertThat(refused.selectable()).isFalse();
        assertThat(refused.refusedReason()).hasValueSatisfying(reason -> assertThat(reason).contains("model.json"));

        main.models().chooseModel(refused);
        assertThat(main.noticeProperty().get().text()).startsWith("The model folder \"half-copied\" cannot be used: ");
        assertThat(main.models().activeModelChoiceProperty().get().id()).isEqualTo("haski-reference");
    }

    @Test
    void aRememberedModelThatIsGoneFallsBackToTheDefaultAndSaysSo() throws IOException {
        new SettingsStore(temp.resolve("settings.json")).save(Settings.DEFAULT.withModel("uninstalled", Optional.empty()));
        MainViewModel main = start().main();
        assertThat(main.noticeProperty().get().text()).isEqualTo("The model you chose last time, \"uninstalled\", is "
                + "no longer installed; using the default model, Haski reference network (untrained).");
        assertThat(main.models().modelTextProperty().get()).isEqualTo("haski-reference 1.0.0 (onnx)");
    }

    @Test
    void aPhotoOpenedWhileTheModelLoadsWaitsForIt() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        MainViewModel main = start(executor, List.of()).main();
        executor.runNext(); // probe runtimes; starts the model load
        assertThat(main.models().isLoading()).isTrue();

        main.open(TestFiles.photo(PHOTO));
        assertThat(main.result().placeholderProperty().get()).isEqualTo("Waiting for the model to finish loading…");
        assertThat(executor.pendingNames()).noneMatch(name -> name.startsWith("analyse"));
        assertThat(main.busyProperty().get()).isTrue();

        executor.runAll();
        assertThat(shownAnalysis(main).provenance().modelId()).isEqualTo("haski-reference");
        assertThat(main.busyProperty().get()).isFalse();
    }

    @Test
    void aResultFromAnEarlierPhotoArrivingLateIsDropped() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        MainViewModel main = start(executor, List.of()).main();
        executor.runAll();
        main.open(TestFiles.photo(PHOTO));
        main.open(TestFiles.photo("skimage_astronaut.png"));
        executor.runAll();
        assertThat(shownAnalysis(main).file().getFileName().toString()).isEqualTo("skimage_astronaut.png");
    }

    @Test
    void aDroppedTextFileIsRefusedWithTheReason() throws IOException {
        MainViewModel main = start().main();
        Path notes = Files.writeString(temp.resolve("notes.txt"), "not a photo");
        DropContent drop = DropContent.ofFiles(List.of(notes));

        assertThat(main.dragOver(drop).accepted()).isFalse();
        assertThat(main.dropHintProperty().get()).startsWith("notes.txt is not a photo this app reads");
        assertThat(main.dropHintRefusalProperty().get()).isTrue();
        main.dragEnded();
        assertThat(main.dropHintProperty().get()).isEmpty();

        main.use(drop, Optional.empty(), "dropped");
        assertThat(main.currentFileProperty().get()).isNull();
        assertThat(main.noticeProperty().get().text()).startsWith("notes.txt is not a photo this app reads");
    }

    @Test
    void aPastedImageIsSavedAsPngInTheCacheAndAnalysed() {
        MainViewModel main = start().main();
        int[] argb = new int[64 * 48];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | (i * 7919) & 0xFFFFFF;
        }
        main.use(new DropContent(List.of(), true, false), Optional.of(new ArgbPixels(64, 48, argb)), "pasted");

        Path pasted = main.currentFileProperty().get();
        assertThat(pasted.getFileName().toString()).startsWith("pasted-").endsWith(".png");
        assertThat(pasted.getParent()).isEqualTo(AppPaths.current().cacheDir().resolve("pasted"));
        assertThat(main.noticeProperty().get().text()).startsWith("The pasted image was saved as " + pasted);
        assertThat(shownAnalysis(main).image().width()).isEqualTo(64);
    }

    @Test
    void savingTheResultWritesTheClisJsonAndAFailedSaveSaysWhatToDo() throws IOException {
        MainViewModel main = start().main();
        main.open(TestFiles.photo(PHOTO));
        assertThat(main.suggestedResultName()).isEqualTo("phone_IMG_1054.haski.json");

        Path target = temp.resolve("out/result.json");
        main.saveResult(target);
        assertThat(new ObjectMapper().readTree(target.toFile()).get("model_id").asText()).isEqualTo("haski-reference");
        assertThat(main.noticeProperty().get().text()).isEqualTo("Result saved to " + target);

        Path blocker = Files.writeString(temp.resolve("blocker"), "a file where a folder should be");
        main.saveResult(blocker.resolve("result.json"));
        Notice failed = main.noticeProperty().get();
        assertThat(failed.severity()).isEqualTo(Notice.Severity.ERROR);
        assertThat(failed.text()).startsWith("The result could not be saved to " + blocker.resolve("result.json"))
                .endsWith("Choose another folder, or free some disk space, and save again.");
    }

    @Test
    void withNoModelAtAllAPhotoIsShownAndTheReasonGiven() {
        System.setProperty(AppPaths.MODELS_DIR_PROPERTY, temp.resolve("no-models").toString());
        try {
            MainViewModel main = start().main();
            assertThat(main.noticeProperty().get().text()).startsWith("No model can be used");
            assertThat(main.models().modelTextProperty().get()).isEqualTo("No model");

            main.open(TestFiles.photo(PHOTO));
            assertThat(main.pictureProperty().get()).isNotNull();
            assertThat(main.result().errorTextProperty().get()).startsWith("This photo cannot be analysed: no model "
                    + "is active (no usable model package; none found");
        } finally {
            System.clearProperty(AppPaths.MODELS_DIR_PROPERTY);
        }
    }
}
