package ai.haski.desktop.catalog;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.inference.ModelLoader;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.tools.ReferenceModelGenerator;
import ai.haski.desktop.tools.TfliteModelWriter;
import ai.haski.desktop.tools.TinyTfliteModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code models import} on real runtimes: generated and hand-made networks, and every refusal. */
class ModelImporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Backends BACKENDS = Backends.standard(ai.haski.desktop.platform.AppPaths.current().cacheDir());

    @TempDir
    Path dir;

    Path models;
    ModelImporter importer;

    @BeforeEach
    void setUp() {
        models = dir.resolve("models");
        importer = new ModelImporter(BACKENDS, models,
                Optional.of(TestFiles.referencePackage().resolve("test-input.png")), Optional.empty());
    }

    private Path generated(long seed) throws Exception {
        return ReferenceModelGenerator.generateWithSeed(dir.resolve("generated-" + seed), seed);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static String problems(ImportProposal proposal) {
        return proposal.problems().toString();
    }

    @Test
    void importsAGeneratedOnnxModelThatTheRegistryListsAndTheLoaderProves() throws Exception {
        Path onnx = generated(7).resolve("model.onnx");
        ImportResult result = importer.importModel(ImportRequest.of(onnx).id("seven").name("Seed seven"));

        assertThat(result.folder()).isEqualTo(models.resolve("seven"));
        ModelManifest m = result.modelPackage().manifest();
        assertThat(m.input().layout()).isEqualTo(TensorLayout.NCHW);
        assertThat(m.input().width()).isEqualTo(224);
        assertThat(m.input().name()).isEqualTo("image");
        assertThat(m.heads()).extracting(h -> h.name()).containsExactly("skin_type", "hair_type", "condition");
        assertThat(m.heads().get(2).noneLabel()).contains("healthy");
        assertThat(m.backendPreference()).containsExactly(ModelFormat.ONNX);
        assertThat(result.testVectorDeviations().get(ModelFormat.ONNX)).isLessThanOrEqualTo(m.testVector().tolerance());
        BufferedImage test = ImageIO.read(result.folder().resolve("test-input.png").toFile());
        assertThat(test.getWidth()).isEqualTo(224);
        assertThat(test.getHeight()).isEqualTo(224);
        assertThat(Files.list(models).map(p -> p.getFileName().toString())).containsExactly("seven");

        ModelRegistry registry = ModelRegistry.scan(List.of(new ModelRegistry.Root(models, ModelPackage.Source.USER)));
        assertThat(registry.refused()).isEmpty();
        ModelPackage pkg = registry.find("seven").orElseThrow();
        try (ActiveModel model = new ModelLoader(BACKENDS).load(pkg, List.of(), 1)) {
            assertThat(model.format()).isEqualTo(ModelFormat.ONNX);
            assertThat(model.manifest().name()).isEqualTo("Seed seven");
        }
    }

    @Test
    void importsAFloatTfliteModelAndAnInt8OneWithItsQuantisation() throws Exception {
        Path tflite = generated(8).resolve("model.tflite");
        ImportResult result = importer.importModel(ImportRequest.of(tflite).id("eight-tflite"));
        assertThat(result.modelPackage().manifest().input().layout()).isEqualTo(TensorLayout.NHWC);
        assertThat(result.modelPackage().manifest().weights().get(ModelFormat.TFLITE).layout())
                .isEqualTo(TensorLayout.NHWC);

        Path int8 = TestFiles.int8Package().resolve("model-int8.tflite");
        ImportResult quantised = importer.importModel(ImportRequest.of(int8).id("int8"));
        FormatFacts facts = quantised.formats().get(0);
        assertThat(facts.inputs().get(0).dtype()).isEqualTo("int8");
        assertThat(facts.outputs().get(0).quantization().isPresent()).isTrue();
        // Half an output step: the runtime reproduces its own integers, a one-step difference would be refused.
        assertThat((double) quantised.tolerance()).isCloseTo(facts.outputs().get(0).quantization().scale() / 2.0,
                org.assertj.core.data.Offset.offset(1e-6));
        // The expected values are dequantised: on the grid of the output's scale.
        float scale = facts.outputs().get(0).quantization().scale();
        int zero = facts.outputs().get(0).quantization().zeroPoint();
        for (float v : quantised.modelPackage().manifest().testVector().expected().get("logits")) {
            double steps = v / scale + zero;
            assertThat(Math.abs(steps - Math.rint(steps))).isLessThan(1e-3);
        }
    }

    @Test
    void importsBothFormatsOfOneNetworkIntoOnePackageCrossChecked() throws Exception {
        Path folder = generated(9);
        ImportResult result = importer.importModel(
                ImportRequest.of(folder.resolve("model.tflite"), folder.resolve("model.onnx")).id("nine"));
        ModelManifest m = result.modelPackage().manifest();
        assertThat(m.backendPreference()).containsExactly(ModelFormat.ONNX, ModelFormat.TFLITE);
        assertThat(m.weights().get(ModelFormat.ONNX).layout()).isEqualTo(TensorLayout.NCHW);
        assertThat(m.weights().get(ModelFormat.TFLITE).layout()).isEqualTo(TensorLayout.NHWC);
        FormatAgreement agreement = result.agreement().orElseThrow();
        assertThat(agreement.maxRawDifference()).isGreaterThan(0).isLessThan(1e-3);
        assertThat(agreement.maxProbabilityDifference()).isLessThan(1e-3);
        assertThat(result.testVectorDeviations()).containsOnlyKeys(ModelFormat.ONNX, ModelFormat.TFLITE);
        JsonNode manifest = JSON.readTree(result.folder().resolve("model.json").toFile());
        assertThat(manifest.at("/imported/agreement/max_raw_difference").asDouble())
                .isEqualTo(agreement.maxRawDifference());
    }

    @Test
    void refusesTwoFilesThatAreNotTheSameNetwork() throws Exception {
        ImportProposal proposal = importer.propose(ImportRequest.of(
                generated(10).resolve("model.onnx"), generated(11).resolve("model.tflite")).id("mixed"));
        assertThat(proposal.isValid()).isFalse();
        assertThat(proposal.problems()).extracting(ImportProblem::field).contains("agreement");
        assertThat(problems(proposal)).contains("raw outputs", "agreement tolerance");
        assertThat(Files.exists(models.resolve("mixed"))).isFalse();
    }

    @Test
    void refusesAFloatOnnxWithItsInt8TfliteUnlessTheAgreementAllowsIt() throws Exception {
        Path onnx = TestFiles.referencePackage().resolve("model.onnx");
        Path int8 = TestFiles.int8Package().resolve("model-int8.tflite");
        ImportProposal strict = importer.propose(ImportRequest.of(onnx, int8).id("mixed-int8"));
        assertThat(strict.problems()).extracting(ImportProblem::field).contains("agreement");
        assertThat(strict.agreement().orElseThrow().maxRawDifference()).isGreaterThan(1e-3);
    }

    @Test
    void importsAHandMadeNhwcOnnxWithADynamicBatchAndASevenClassLabelsFile() throws Exception {
        Path onnx = write("tiny.onnx", TinyOnnx.nhwc(32L, 32L, 7));
        Path labels = write("labels.json", """
                {"heads": [
                  {"name": "finding", "labels": ["none", "a", "b", "c"], "none_label": "none"},
                  {"name": "tags", "labels": ["x", "y", "z"], "activation": "sigmoid", "threshold": 0.6}
                ]}""".getBytes());
        ImportResult result = importer.importModel(ImportRequest.of(onnx).labels(labels));
        ModelManifest m = result.modelPackage().manifest();
        assertThat(m.id()).isEqualTo("tiny");
        assertThat(m.input().layout()).isEqualTo(TensorLayout.NHWC);
        assertThat(m.input().name()).isEqualTo("pixels");
        assertThat(m.input().width()).isEqualTo(32);
        assertThat(m.outputs().get(0).shape()).containsExactly(1, 7);
        assertThat(m.heads().get(0).noneLabel()).contains("none");
        assertThat(m.heads().get(1).mode().name()).isEqualTo("MULTI_LABEL");
        assertThat(m.heads().get(1).offset()).isEqualTo(4);
        assertThat(m.heads().get(1).threshold()).isEqualTo(0.6f);
        BufferedImage test = ImageIO.read(result.folder().resolve("test-input.png").toFile());
        assertThat(test.getWidth()).isEqualTo(32);
    }

    @Test
    void aSimpleLabelsFileNamesHeadsInOutputOrder() throws Exception {
        Path onnx = write("tiny7.onnx", TinyOnnx.nchw(16, 16, 7));
        Path labels = write("labels.json", "{\"colour\": [\"r\", \"g\", \"b\"], \"shape\": [\"o\", \"x\", \"+\", \"-\"]}"
                .getBytes());
        ImportProposal proposal = importer.propose(ImportRequest.of(onnx).labels(labels));
        assertThat(proposal.problems()).isEmpty();
        assertThat(proposal.manifestJson()).contains("\"colour\"", "\"shape\"");
        assertThat(proposal.sampleHeads()).extracting(HeadResult::head).containsExactly("colour", "shape");
        ModelManifest proposed = proposal.manifest().orElseThrow();
        assertThat(proposed.id()).isEqualTo("tiny7");
        assertThat(proposed.heads().get(1).offset()).isEqualTo(3);
        assertThat(proposal.target()).isEqualTo(models.resolve("tiny7"));
        assertThat(Files.exists(models)).isFalse();
    }

    @Test
    void refusesLabelsThatDoNotMatchTheOutputSayingBothNumbers() throws Exception {
        Path onnx = write("tiny7.onnx", TinyOnnx.nchw(16, 16, 7));
        Path labels = write("labels.json", "{\"head\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}".getBytes());
        ImportProposal proposal = importer.propose(ImportRequest.of(onnx).labels(labels));
        assertThat(proposal.problems()).extracting(ImportProblem::field).containsExactly("labels");
        assertThat(problems(proposal)).contains("gives 5 labels", "has 7 values");
    }

    @Test
    void refusesAnOutputWithoutLabelsUnlessItHasTheHaskiFourteenValues() throws Exception {
        Path onnx = write("tiny7.onnx", TinyOnnx.nchw(16, 16, 7));
        ImportProposal proposal = importer.propose(ImportRequest.of(onnx));
        assertThat(problems(proposal)).contains("7 values", "--labels");
        Path haski = write("tiny14.onnx", TinyOnnx.nchw(16, 16, 14));
        assertThat(importer.propose(ImportRequest.of(haski)).problems()).isEmpty();
    }

    @Test
    void aDynamicInputSizeMustBeSettledWithSize() throws Exception {
        Path onnx = write("dynamic.onnx", TinyOnnx.nhwc(null, null, 14));
        ImportProposal refused = importer.propose(ImportRequest.of(onnx));
        assertThat(refused.problems()).extracting(ImportProblem::field).containsExactly("input.width");
        assertThat(problems(refused)).contains("dynamic height or width", "--size");

        ImportResult result = importer.importModel(ImportRequest.of(onnx).size(48, 40));
        assertThat(result.modelPackage().manifest().input().width()).isEqualTo(48);
        assertThat(result.modelPackage().manifest().input().height()).isEqualTo(40);
        BufferedImage test = ImageIO.read(result.folder().resolve("test-input.png").toFile());
        assertThat(test.getWidth()).isEqualTo(48);
        assertThat(test.getHeight()).isEqualTo(40);
    }

    @Test
    void anAmbiguousLayoutMustBeNamed() throws Exception {
        Path onnx = write("ambiguous.onnx", TinyOnnx.nchw(3, 3, 14));
        ImportProposal refused = importer.propose(ImportRequest.of(onnx));
        assertThat(refused.problems()).extracting(ImportProblem::field).containsExactly("input.layout");
        assertThat(problems(refused)).contains("--layout");
        assertThat(importer.propose(ImportRequest.of(onnx).layout(TensorLayout.NCHW)).problems()).isEmpty();
    }

    @Test
    void refusesMoreThanOneInput() throws Exception {
        ImportProposal proposal = importer.propose(ImportRequest.of(write("two.onnx", TinyOnnx.twoInputs())));
        assertThat(proposal.problems()).extracting(ImportProblem::field).containsExactly("input");
        assertThat(problems(proposal)).contains("has 2 inputs", "exactly one image input");
    }

    @Test
    void refusesANonFloatOnnxOutput() throws Exception {
        ImportProposal proposal = importer.propose(
                ImportRequest.of(write("argmax.onnx", TinyOnnx.integerOutput())));
        assertThat(proposal.problems()).extracting(ImportProblem::field).containsExactly("outputs[0].dtype");
        assertThat(problems(proposal)).contains("int64", "float32");
    }

    @Test
    void refusesAQuantisedTfliteOutputWithoutQuantisationParameters() throws Exception {
        Path tflite = write("noscale.tflite", TinyTfliteModels.quantizedSlice(false,
                new TinyTfliteModels.Params(0.02f, 128), null));
        ImportProposal proposal = importer.propose(ImportRequest.of(tflite));
        assertThat(proposal.problems()).extracting(ImportProblem::field).containsExactly("outputs[0].dtype");
        assertThat(problems(proposal)).contains("int8", "has no quantisation parameters");
    }

    @Test
    void refusesAFileTheRuntimeCannotLoadNamingTheFileAndTheReason() throws Exception {
        Path broken = write("broken.onnx", "not a model".getBytes());
        ImportProposal proposal = importer.propose(ImportRequest.of(broken));
        assertThat(proposal.problems()).extracting(ImportProblem::field).containsExactly("weights.onnx");
        assertThat(problems(proposal)).contains(broken.toString(), "ONNX Runtime cannot load it");
        Path brokenTflite = write("broken.tflite", "not a model either".getBytes());
        assertThat(problems(importer.propose(ImportRequest.of(brokenTflite))))
                .contains(brokenTflite.toString(), "TensorFlow Lite cannot load it");
        assertThat(problems(importer.propose(ImportRequest.of(write("model.pt", new byte[4])))))
                .contains("not a .onnx or .tflite file");
    }

    @Test
    void aTfliteOperatorThisRuntimeLacksIsNamedWithWhatToDo() throws Exception {
        // A newer converter writes newer operator versions than TFLite 2.6.2 has kernels for.
        Path newer = write("newer-converter.tflite", TfliteModelWriter.writeWithOperator(
                TfliteModelWriter.RESHAPE, 99));

        ImportProposal proposal = importer.propose(ImportRequest.of(newer));

        assertThat(proposal.problems()).extracting(ImportProblem::field).containsExactly("weights.tflite");
        assertThat(problems(proposal)).contains(newer.toString(), "operator RESHAPE version 99",
                "TensorFlow Lite 2.6", "converter that wrote the file is newer", "export the network to ONNX");
    }

    @Test
    void aModelFileOfThreeHundredMegabytesIsRefusedWithWhatToDoBeforeItIsRead() throws Exception {
        Path huge = dir.resolve("vit-large.onnx");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(300_000_000L); // sparse: takes no disk space, and must never be read
        }

        ImportProposal proposal = importer.propose(ImportRequest.of(huge));

        assertThat(proposal.problems()).extracting(ImportProblem::field).containsExactly("weights.onnx");
        assertThat(problems(proposal)).contains(huge.toString(), "is 300 MB", "up to 250 MB", "quantise it to int8");
    }

    @Test
    void refusesAnExistingIdUnlessForcedAndReplacesItAtomically() throws Exception {
        Path folder = generated(12);
        importer.importModel(ImportRequest.of(folder.resolve("model.onnx")).id("same"));
        ImportProposal again = importer.propose(ImportRequest.of(folder.resolve("model.tflite")).id("same"));
        assertThat(again.problems()).extracting(ImportProblem::field).containsExactly("id");
        assertThat(problems(again)).contains("already exists", "--force");
        assertThatThrownBy(() -> importer.write(again)).isInstanceOf(ImportException.class);

        ImportResult replaced = importer.importModel(
                ImportRequest.of(folder.resolve("model.tflite")).id("same").force(true));
        assertThat(replaced.modelPackage().manifest().weights()).containsOnlyKeys(ModelFormat.TFLITE);
        assertThat(Files.exists(models.resolve("same").resolve("model.onnx"))).isFalse();
        assertThat(Files.list(models).map(p -> p.getFileName().toString())).containsExactly("same");
    }

    @Test
    void refusesAnIdABundledModelAlreadyHas() throws Exception {
        ModelRegistry bundled = ModelRegistry.scan(List.of(new ModelRegistry.Root(TestFiles.referencePackage()
                .getParent(), ModelPackage.Source.BUNDLED)));
        ModelImporter withRegistry = new ModelImporter(BACKENDS, models,
                Optional.of(TestFiles.referencePackage().resolve("test-input.png")), Optional.of(bundled));
        ImportProposal proposal = withRegistry.propose(
                ImportRequest.of(generated(13).resolve("model.onnx")).id("haski-reference"));
        assertThat(problems(proposal)).contains("already the id of the bundled model");
    }

    @Test
    void usesTheGivenSampleAndNormalisation() throws Exception {
        Path onnx = write("tiny14.onnx", TinyOnnx.nchw(16, 16, 14));
        BufferedImage red = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                red.setRGB(x, y, 0xcc2211);
            }
        }
        Path sample = dir.resolve("red.png");
        ImageIO.write(red, "png", sample.toFile());
        ImportResult result = importer.importModel(ImportRequest.of(onnx).sample(sample)
                .normalisation(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f}));
        ModelManifest m = result.modelPackage().manifest();
        assertThat(m.input().mean()).containsExactly(0.5f, 0.5f, 0.5f);
        assertThat(m.input().std()).containsExactly(0.25f, 0.25f, 0.25f);
        BufferedImage test = ImageIO.read(result.folder().resolve("test-input.png").toFile());
        assertThat(test.getRGB(8, 8) & 0xffffff).isEqualTo(0xcc2211);
    }
}
