package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.catalog.ImportRequest;
import ai.haski.desktop.catalog.ModelImporter;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.tools.RegionProbeModels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Occlusion maps on a network whose head "quadrant" reads only the top-left quadrant of its input and whose head
 * "whole" reads all of it ({@link RegionProbeModels}), in both runtimes, on a 168 x 112 photo so that the cells'
 * mapping back to photo pixels is not the identity.
 */
class OcclusionMapTest {
    private static final int PHOTO_WIDTH = 168;
    private static final int PHOTO_HEIGHT = 112;

    @TempDir
    static Path dir;

    private static Analyzer onnx;
    private static Analyzer tflite;
    private static Path photo;

    @BeforeAll
    static void importTheProbeModel() throws Exception {
        Path onnxFile = Files.write(dir.resolve("probe.onnx"), RegionProbeModels.onnx());
        Path tfliteFile = Files.write(dir.resolve("probe.tflite"), RegionProbeModels.tflite());
        Path labels = Files.writeString(dir.resolve("labels.json"), RegionProbeModels.LABELS_JSON);
        ModelImporter importer = new ModelImporter(SharedEngine.loader().backends(), dir.resolve("models"),
                Optional.of(TestFiles.referencePackage().resolve("test-input.png")), Optional.empty());
        ModelPackage pkg = importer.importModel(ImportRequest.of(onnxFile, tfliteFile).labels(labels).id("probe"))
                .modelPackage();
        onnx = TestAnalyzers.over(SharedEngine.loader().load(pkg, List.of(ModelFormat.ONNX), 1), new ImageLoader());
        tflite = TestAnalyzers.over(SharedEngine.loader().load(pkg, List.of(ModelFormat.TFLITE), 1),
                new ImageLoader());
        photo = texture(dir.resolve("texture.png"));
    }

    @AfterAll
    static void close() {
        onnx.close();
        tflite.close();
    }

    /** Bright noise, so every cell holds picture the heads respond to, each cell a little differently. */
    private static Path texture(Path file) throws Exception {
        BufferedImage image = new BufferedImage(PHOTO_WIDTH, PHOTO_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(17);
        for (int y = 0; y < PHOTO_HEIGHT; y++) {
            for (int x = 0; x < PHOTO_WIDTH; x++) {
                image.setRGB(x, y, (140 + random.nextInt(116)) << 16 | (140 + random.nextInt(116)) << 8
                        | (140 + random.nextInt(116)));
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static OcclusionMap explain(Analyzer analyzer, String head) {
        ExplainOutcome outcome = analyzer.explain(photo, ExplainRequest.defaults().withHead(Optional.of(head)),
                ExplainProgress.NONE, () -> false);
        assertThat(outcome).isInstanceOf(Explanation.class);
        return ((Explanation) outcome).map();
    }

    @Test
    void aHeadThatReadsOneQuadrantGetsItsMassThere() {
        OcclusionMap map = explain(onnx, "quadrant");
        assertThat(map.rows()).isEqualTo(ExplainRequest.DEFAULT_GRID);
        assertThat(map.label()).isEqualTo("on");
        double inside = 0;
        double all = 0;
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                double mass = Math.abs(map.value(r, c));
                all += mass;
                if (map.xEdge(c + 1) <= PHOTO_WIDTH / 2.0 && map.yEdge(r + 1) <= PHOTO_HEIGHT / 2.0) {
                    inside += mass;
                    assertThat(map.value(r, c)).as("cell %d,%d supports 'on'", r, c).isPositive();
                }
            }
        }
        assertThat(all).isPositive();
        assertThat(inside / all).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aHeadThatReadsTheWholePictureGetsASpreadMap() {
        OcclusionMap map = explain(onnx, "whole");
        double[] quarters = new double[4];
        double all = 0;
        int positive = 0;
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                double mass = Math.abs(map.value(r, c));
                quarters[(r < map.rows() / 2 ? 0 : 2) + (c < map.cols() / 2 ? 0 : 1)] += mass;
                all += mass;
                positive += map.value(r, c) > 0 ? 1 : 0;
            }
        }
        assertThat(positive).isEqualTo(map.rows() * map.cols());
        for (double quarter : quarters) {
            assertThat(quarter / all).isBetween(0.2, 0.3);
        }
    }

    @Test
    void cellsMapBackToThePhotosPixelsAsTheResizeDid() {
        OcclusionMap map = explain(onnx, "quadrant");
        // 56 input pixels in 14 cells of 4; the 168 x 112 photo was stretched by 3 and 2 into them.
        for (int i = 0; i <= map.cols(); i++) {
            assertThat(map.xEdge(i)).isEqualTo(12.0 * i);
        }
        for (int i = 0; i <= map.rows(); i++) {
            assertThat(map.yEdge(i)).isEqualTo(8.0 * i);
        }
    }

    @Test
    void bothRuntimesGiveTheSameMap() {
        for (String head : List.of("quadrant", "whole")) {
            OcclusionMap a = explain(onnx, head);
            OcclusionMap b = explain(tflite, head);
            assertThat(b.label()).isEqualTo(a.label());
            for (int r = 0; r < a.rows(); r++) {
                for (int c = 0; c < a.cols(); c++) {
                    assertThat((double) b.value(r, c)).as("%s %d,%d", head, r, c)
                            .isCloseTo(a.value(r, c), org.assertj.core.data.Offset.offset(1e-3));
                }
            }
        }
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        List<Integer> reported = new ArrayList<>();
        ExplainRequest request = ExplainRequest.defaults().withGrid(4);
        onnx.explain(photo, request, (done, total) -> {
            assertThat(total).isEqualTo(16);
            reported.add(done);
        }, () -> false);
        assertThat(reported).hasSize(17).startsWith(0, 1).endsWith(16);

        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> onnx.explain(photo, request, (done, total) -> runs.set(done), () -> runs.get() >= 5))
                .isInstanceOf(CancellationException.class).hasMessageContaining("5 of 16");
    }

    @Test
    void anUnknownHeadOrLabelIsRefusedBeforeAnyWork() {
        assertThatThrownBy(() -> onnx.explain(photo, ExplainRequest.defaults().withHead(Optional.of("colour")),
                ExplainProgress.NONE, () -> false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quadrant, whole");
        assertThatThrownBy(() -> onnx.explain(photo, ExplainRequest.defaults().withLabel(Optional.of("maybe")),
                ExplainProgress.NONE, () -> false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("off, on");
    }

    @Test
    void aFileThatIsNoPhotoIsAFailureNotAnException() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        ExplainOutcome outcome = onnx.explain(text, ExplainRequest.defaults(), ExplainProgress.NONE, () -> false);
        assertThat(outcome).isInstanceOf(AnalysisFailure.class);
    }
}
