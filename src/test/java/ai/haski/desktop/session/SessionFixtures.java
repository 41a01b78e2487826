package ai.haski.desktop.session;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.ModelLoadException;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.tools.ReferenceModelGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Folders of real photos, and real models loaded once per test JVM, for session tests. */
final class SessionFixtures {
    /** Six photos the reference model analyses, one damaged file and one too small to analyse. */
    static final List<String> SMALL_SET = List.of("skimage_camera.png", "skimage_chelsea.png", "skimage_coins.png",
            "skimage_rocket.jpg", "phone_debian_logo.jpg", "phone_debian.png", "broken_skimage_truncated.jpg",
            "skimage_palette_color.png");
    static final int SMALL_SET_FAILURES = 2;

    private static final Map<ModelFormat, Analyzer> REFERENCE = new EnumMap<>(ModelFormat.class);
    private static final Map<Integer, AnalysisPool> POOLS = new HashMap<>();
    private static Analyzer otherSeed;
    private static Path analysedTemplate;

    private SessionFixtures() {}

    /** Copies the named public photos into {@code folder} (created), the phone ones into a sub-folder. */
    static Path photos(Path folder, List<String> names) {
        try {
            Files.createDirectories(folder.resolve("phone"));
            for (String name : names) {
                Path target = name.startsWith("phone_") ? folder.resolve("phone").resolve(name) : folder.resolve(name);
                Files.copy(TestFiles.photo(name), target);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new session over a copy of the small set, in {@code dir}. */
    static Session smallSession(Path dir) throws SessionException {
        Path folder = photos(dir.resolve("photos"), SMALL_SET);
        Session session = Session.open(folder, dir.resolve("test" + SessionFiles.EXTENSION));
        session.rescan();
        return session;
    }

    /**
     * A session over a copy of the small set, already analysed by the reference ONNX model: a copy of one analysed
     * once per JVM, relinked to its own folder in {@code dir}.
     */
    static Session analysedSmallSession(Path dir) throws SessionException {
        Path template = analysedTemplate();
        TestFiles.copyTree(template.resolve("photos"), dir.resolve("photos"));
        try {
            Files.copy(template.resolve("test" + SessionFiles.EXTENSION), dir.resolve("test" + SessionFiles.EXTENSION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Session session = Session.openFile(dir.resolve("test" + SessionFiles.EXTENSION));
        session.relink(dir.resolve("photos"));
        return session;
    }

    private static synchronized Path analysedTemplate() throws SessionException {
        if (analysedTemplate == null) {
            try {
                Path dir = Files.createTempDirectory("haski-analysed-session");
                try (Session session = smallSession(dir)) {
                    analyseAll(session, reference(ModelFormat.ONNX));
                }
                analysedTemplate = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return analysedTemplate;
    }

    /** The bundled reference model in one format, loaded once. */
    static synchronized Analyzer reference(ModelFormat format) {
        return REFERENCE.computeIfAbsent(format, f -> analyzer(SharedEngine.reference(), f));
    }

    /** A second real model: the reference architecture generated from another seed, so its answers differ. */
    static synchronized Analyzer otherSeed() {
        if (otherSeed == null) {
            try {
                Path folder = Files.createTempDirectory("haski-other-seed");
                ReferenceModelGenerator.generateWithSeed(folder, 7L);
                otherSeed = analyzer(SharedEngine.read(folder), ModelFormat.ONNX);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return otherSeed;
    }

    private static Analyzer analyzer(ai.haski.desktop.model.ModelPackage pkg, ModelFormat format) {
        try {
            ActiveModel model = SharedEngine.loader().load(pkg, List.of(format), 1);
            return TestAnalyzers.over(model, new ImageLoader(ImageLimits.DEFAULT));
        } catch (ModelLoadException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Runs a full batch with the reference ONNX model. */
    static BatchProgress analyseAll(Session session, Analyzer analyzer) throws SessionException {
        return new BatchRunner(session, analyzer, pool(2), false).run();
    }

    /** A pool of this many workers, shared by the tests of this JVM as the app shares its pool between batches. */
    static synchronized AnalysisPool pool(int workers) {
        return POOLS.computeIfAbsent(workers, AnalysisPool::new);
    }
}
