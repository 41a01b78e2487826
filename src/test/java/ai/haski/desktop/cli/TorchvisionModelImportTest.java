package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.inference.ModelLoader;
import ai.haski.desktop.inference.PreprocessSpec;
import ai.haski.desktop.inference.Preprocessor;
import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.model.ResizeMode;
import ai.haski.desktop.model.Sha256;
import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.platform.AppPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network this project did not design, end to end: torchvision's MobileNetV3-small with a 14-value classifier
 * (untrained, seeded; nothing downloaded), exported to ONNX by the repository's recipe
 * ({@code models/tools/export_pytorch.py}) with Debian's python3-torch 1.13 and python3-torchvision 0.14, imported by
 * {@code models import}, proven by the loader (SHA-256, shapes, test vector), then analysing real photos. PyTorch
 * itself runs the very tensors the app's Preprocessor made from those photos, and every head's probabilities must
 * agree with the app's analysis within {@value #TOLERANCE}.
 */
class TorchvisionModelImportTest {
    private static final double TOLERANCE = 1e-4;
    private static final int SIZE = 224;
    private static final int SEED = 7;
    private static final String ID = "torchvision-mobilenet-v3-small";
    private static final List<String> PHOTOS = List.of("skimage_astronaut.png", "phone_IMG_1054.JPG",
            "skimage_coffee.png");
    /** What models import proposes for an NCHW 224 x 224 ONNX input: stretch, 0..1, ImageNet's mean and std. */
    private static final PreprocessSpec EXPECTED_SPEC = new PreprocessSpec(SIZE, SIZE, TensorLayout.NCHW,
            ColourOrder.RGB, ResizeMode.STRETCH, true, new float[] {0.485f, 0.456f, 0.406f},
            new float[] {0.229f, 0.224f, 0.225f});
    /** The same input with red and blue swapped: PyTorch's answer to it shows the comparison can tell tensors apart. */
    private static final PreprocessSpec SWAPPED_SPEC = new PreprocessSpec(SIZE, SIZE, TensorLayout.NCHW,
            ColourOrder.BGR, ResizeMode.STRETCH, true, new float[] {0.406f, 0.456f, 0.485f},
            new float[] {0.225f, 0.224f, 0.229f});

    @TempDir
    Path dir;

    @Test
    void mobileNetV3SmallExportedByTheRecipeIsImportedAndAnalysesPhotosAsPyTorchDoes() throws Exception {
        Path resources = TestFiles.repo().resolve("src/test/resources/third-party");
        Path labels = resources.resolve("mobilenet_v3_small_labels.json");
        Path tensors = Files.createDirectories(dir.resolve("tensors"));
        ImageLoader imageLoader = new ImageLoader();
        Preprocessor preprocessor = new Preprocessor();
        List<String> tensorFiles = new ArrayList<>();
        for (String photo : PHOTOS) {
            DecodedImage decoded = imageLoader.load(TestFiles.photo(photo), SIZE, SIZE);
            tensorFiles.add(write(preprocessor, decoded, EXPECTED_SPEC, tensors.resolve(photo + ".f32")).toString());
        }
        DecodedImage astronaut = imageLoader.load(TestFiles.photo(PHOTOS.get(0)), SIZE, SIZE);
        tensorFiles.add(write(preprocessor, astronaut, SWAPPED_SPEC, tensors.resolve("swapped.f32")).toString());

        // One Python process: seed, save the checkpoint, export with the recipe, run PyTorch on every tensor.
        Path work = dir.resolve("torch");
        List<String> args = new ArrayList<>(List.of("--recipe",
                TestFiles.repo().resolve("models/tools/export_pytorch.py").toString(), "--arch", "mobilenet_v3_small",
                "--labels", labels.toString(), "--seed", Integer.toString(SEED), "--size", Integer.toString(SIZE),
                "--workdir", work.toString()));
        args.addAll(tensorFiles);
        String pythonOutput = TorchPython.run(resources.resolve("torchvision_reference.py"), args);
        assertThat(pythonOutput).as(pythonOutput).contains("wrote " + work.resolve("mobilenet_v3_small.onnx"));
        Path onnx = work.resolve("mobilenet_v3_small.onnx");
        JsonNode reference = new ObjectMapper().readTree(work.resolve("reference.json").toFile()).get("tensors");

        Path models = dir.resolve("models");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HaskiCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "models", "import",
                onnx.toString(), "--labels", labels.toString(), "--id", ID, "--name", "torchvision MobileNetV3-small "
                        + "(untrained, seed " + SEED + ")", "--licence", "BSD-3-Clause", "--sample",
                TestFiles.photo(PHOTOS.get(0)).toString(), "--into", models.toString());
        assertThat(exit).as(out + "\n" + err).isEqualTo(HaskiCommand.OK);
        assertThat(out.toString()).contains("input  image [1, 3, 224, 224]", "output logits [1, 14]",
                "test vector onnx   PASS", "written to " + models.resolve(ID));

        ModelRegistry registry = ModelRegistry.scan(List.of(new ModelRegistry.Root(models, ModelPackage.Source.USER)));
        ModelPackage imported = registry.find(ID).orElseThrow(() -> new AssertionError(registry.refused()));
        assertThat(imported.manifest().weights().get(ModelFormat.ONNX).sha256()).isEqualTo(Sha256.of(onnx));
        try (ActiveModel model = new ModelLoader(Backends.standard(AppPaths.current().cacheDir()))
                .load(imported, List.of(), 1)) {
            // The loader's own proof, as self-check runs it: SHA-256, shapes, and the test vector.
            assertThat(model.testVectorDeviation()).isLessThanOrEqualTo(imported.manifest().testVector().tolerance());
            // The tensors PyTorch ran are what the pipeline feeds this model, not a look-alike.
            assertThat(model.preprocessSpec()).isEqualTo(EXPECTED_SPEC);

            Analyzer analyzer = TestAnalyzers.over(model, imageLoader);
            double largest = 0;
            for (String photo : PHOTOS) {
                AnalysisOutcome outcome = analyzer.analyze(TestFiles.photo(photo));
                assertThat(outcome).as(photo + ": " + outcome).isInstanceOf(Analysis.class);
                Analysis analysis = (Analysis) outcome;
                JsonNode expected = reference.get(photo + ".f32").get("probabilities");
                assertThat(analysis.heads()).extracting(HeadResult::head)
                        .containsExactly("skin_type", "hair_type", "signs");
                for (HeadResult head : analysis.heads()) {
                    double difference = maxDifference(head.probabilities(), expected.get(head.head()));
                    assertThat(difference).as("%s, head %s: app %s vs PyTorch %s", photo, head.head(),
                            java.util.Arrays.toString(head.probabilities()), expected.get(head.head()))
                            .isLessThanOrEqualTo(TOLERANCE);
                    largest = Math.max(largest, difference);
                }
            }
            System.out.printf(Locale.ROOT, "%s: largest probability difference app vs PyTorch over %d photos: "
                    + "%.2e%n", ID, PHOTOS.size(), largest);

            // The comparison can fail: the astronaut with red and blue swapped, or another photo, is far off.
            Analysis astronautResult = (Analysis) analyzer.analyze(TestFiles.photo(PHOTOS.get(0)));
            assertThat(maxDifference(astronautResult, reference.get("swapped.f32").get("probabilities")))
                    .isGreaterThan(100 * TOLERANCE);
            assertThat(maxDifference(astronautResult, reference.get(PHOTOS.get(1) + ".f32").get("probabilities")))
                    .isGreaterThan(100 * TOLERANCE);
        }
    }

    private static Path write(Preprocessor preprocessor, DecodedImage decoded, PreprocessSpec spec, Path file)
            throws java.io.IOException {
        ByteBuffer buffer = ByteBuffer.allocate(spec.tensorSize() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        preprocessor.toTensor(decoded.image(), spec, buffer.asFloatBuffer());
        Files.write(file, buffer.array());
        return file;
    }

    private static double maxDifference(float[] app, JsonNode torch) {
        assertThat(torch.size()).isEqualTo(app.length);
        double largest = 0;
        for (int i = 0; i < app.length; i++) {
            largest = Math.max(largest, Math.abs(app[i] - torch.get(i).asDouble()));
        }
        return largest;
    }

    private static double maxDifference(Analysis analysis, JsonNode torch) {
        double largest = 0;
        for (HeadResult head : analysis.heads()) {
            largest = Math.max(largest, maxDifference(head.probabilities(), torch.get(head.head())));
        }
        return largest;
    }
}
