package ai.haski.desktop.ui;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.session.BatchProgress;
import ai.haski.desktop.session.BatchRunner;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.main.MainWindow;
import ai.haski.desktop.ui.session.SessionViewModel;
import ai.haski.desktop.ui.task.FxTaskExecutor;
import impl.org.controlsfx.skin.GridViewSkin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;

/**
 * Not a test but a measuring tool, run on demand: a session of many photos (10,000 by default) in the real window
 * under Monocle. It generates small JPEGs, analyses them with the real batch and the bundled model (results saved
 * by the real store), opens the folder in the window, scrolls the table and then the thumbnail grid from end to
 * end, and reports the FX thread's longest stall and the heap used after a GC. It asserts nothing about time:
 * the numbers go to {@code target/session-scale.txt} and docs/BENCHMARKS.md.
 *
 * <pre>mvn -B -o test -Dtest=SessionScaleCheck -Dhaski.scale.photos=10000 -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>{@code -Dhaski.scale.scroll=false} stops after opening the session (for profiling the open).
 */
@EnabledIfSystemProperty(named = "haski.scale.photos", matches = "\\d+")
class SessionScaleCheck {
    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        int count = Integer.parseInt(System.getProperty("haski.scale.photos"));
        Path folder = TestFiles.repo().resolve("target/scale-photos-" + count);
        long started = System.nanoTime();
        if (countFiles(folder) != count) {
            GeneratedJpegs.write(folder, count, 240, 180);
        }
        line("photos: %d generated JPEGs of 240 x 180 in %s (%.0f s)", count, folder, seconds(started));

        Stage stage = FxToolkit.registerPrimaryStage();
        DesktopContext context = DesktopContext.create(AppPaths.current(), List.of(),
                new SettingsStore(TestFiles.repo().resolve("target/scale-settings.json")),
                FxTaskExecutor.sizedForThisMachine());
        MainViewModel main = context.main();
        SessionViewModel session = context.session();
        FxToolkit.setupStage(shown -> {
            session.reviewer().setName("Scale Check");
            MainWindow.show(shown, main, context.explain());
            context.start();
        });
        waitUntil(120, () -> !main.models().isLoading() && main.models().analyzerProperty().get() != null);

        started = System.nanoTime();
        Analyzer analyzer = fx(() -> main.models().analyzerProperty().get());
        try (Session store = Session.open(folder, AppPaths.current())) {
            store.rescan();
            BatchProgress last;
            try (AnalysisPool pool = new AnalysisPool(2)) {
                last = new BatchRunner(store, analyzer, pool, false).run();
            }
            line("batch (real store, 2 threads, no window work): %d analysed now, %d before, %.0f s", last.done(),
                    last.alreadyAnalysed(), seconds(started));
        }
        // What the open costs off the UI thread, for the numbers below: the folder scan and the listing.
        try (Session store = Session.open(folder, AppPaths.current())) {
            started = System.nanoTime();
            store.rescan();
            double scan = seconds(started);
            started = System.nanoTime();
            int listed = store.listing().list(ai.haski.desktop.session.PhotoQuery.all()
                    .page(0, ai.haski.desktop.session.PhotoQuery.MAX_PAGE)).rows().size();
            line("off the UI thread: rescan of the folder %.1f s, listing %d photos with results %.1f s", scan,
                    listed, seconds(started));
        }
        long heapBefore = heapAfterGc();

        FxThreadStalls opening = fx(FxThreadStalls::new);
        fx(() -> {
            opening.start();
            return null;
        });
        started = System.nanoTime();
        fx(() -> {
            session.openFolder(folder);
            return null;
        });
        waitUntil(300, () -> session.table().rows().size() == count && !session.lifecycle().openingProperty().get());
        double openSeconds = seconds(started);
        Thread.sleep(500);
        fx(() -> {
            opening.stop();
            return null;
        });
        line("open the session in the window: %.1f s until %d rows shown; %s", openSeconds, count, stalls(opening));

        // Once more, as after File > Open folder again: the first open also pays for building and styling the session
        // screen with code not yet compiled, which this one does not.
        FxThreadStalls reopening = fx(FxThreadStalls::new);
        fx(() -> {
            reopening.start();
            return null;
        });
        Session first = fx(() -> session.sessionProperty().get());
        started = System.nanoTime();
        fx(() -> {
            session.openFolder(folder);
            return null;
        });
        waitUntil(300, () -> session.sessionProperty().get() != first && session.table().rows().size() == count
                && !session.lifecycle().openingProperty().get());
        double reopenSeconds = seconds(started);
        Thread.sleep(500);
        fx(() -> {
            reopening.stop();
            return null;
        });
        line("open it again: %.1f s until %d rows shown; %s", reopenSeconds, count, stalls(reopening));

        if (!Boolean.parseBoolean(System.getProperty("haski.scale.scroll", "true"))) {
            finish(stage, context, heapBefore);
            return;
        }
        TableView<?> table = FxProbe.lookup(stage, "#sessionTable");
        FxThreadStalls tableScroll = fx(FxThreadStalls::new);
        fx(() -> {
            tableScroll.start();
            return null;
        });
        started = System.nanoTime();
        for (int row = 0; row < count; row += 20) {
            int at = row;
            fx(() -> {
                table.scrollTo(at);
                return null;
            });
            Thread.sleep(5);
        }
        fx(() -> {
            tableScroll.stop();
            return null;
        });
        line("scroll the table end to end (20 rows a step): %.1f s; %s", seconds(started), stalls(tableScroll));

        fx(() -> {
            ((ToggleButton) FxProbe.lookup(stage, "#showGrid")).fire();
            return null;
        });
        Thread.sleep(1000);
        GridView<?> grid = FxProbe.lookup(stage, "#sessionGrid");
        int perRow = fx(() -> ((GridViewSkin<?>) grid.getSkin()).computeMaxCellsInRow());
        VirtualFlow<?> flow = fx(() -> (VirtualFlow<?>) grid.lookup(".virtual-flow"));
        int gridRows = (count + perRow - 1) / perRow;
        FxThreadStalls gridScroll = fx(FxThreadStalls::new);
        fx(() -> {
            gridScroll.start();
            return null;
        });
        started = System.nanoTime();
        for (int row = 0; row < gridRows; row += 2) {
            int at = row;
            fx(() -> {
                flow.scrollTo(at);
                return null;
            });
            Thread.sleep(10);
        }
        waitUntil(60, () -> stage.getScene().getRoot().lookupAll(".thumbnail-cell").stream()
                .filter(cell -> cell instanceof org.controlsfx.control.GridCell<?> c && c.getItem() != null)
                .allMatch(cell -> ((javafx.scene.image.ImageView) cell.lookup(".image-view")).getImage() != null));
        fx(() -> {
            gridScroll.stop();
            return null;
        });
        line("scroll the grid end to end (%d per row, 2 rows a step), last screen's thumbnails shown: %.1f s; %s",
                perRow, seconds(started), stalls(gridScroll));
        line("thumbnails in memory: %d, %.1f MB (cap %.0f MB)", session.thumbnails().inMemory(),
                session.thumbnails().memoryBytes() / 1e6, ai.haski.desktop.ui.session.GridThumbnails.MEMORY_BYTES / 1e6);

        finish(stage, context, heapBefore);
    }

    private void finish(Stage stage, DesktopContext context, long heapBefore) throws Exception {
        long heapAfter = heapAfterGc();
        line("heap used after GC: %.0f MB before the session was opened, %.0f MB with it open (max heap %.0f MB)",
                heapBefore / 1e6, heapAfter / 1e6, Runtime.getRuntime().maxMemory() / 1e6);

        FxToolkit.setupStage(Stage::hide);
        context.close();
        Path out = TestFiles.repo().resolve("target/session-scale.txt");
        Files.write(out, report);
        System.out.println(String.join(System.lineSeparator(), report));
    }

    private static String stalls(FxThreadStalls stalls) {
        return String.format(Locale.ROOT, "FX thread: longest gap between pulses %.0f ms, most CPU between two pulses "
                + "%.0f ms, longest wait in our code %.0f ms", stalls.maxGapMillis(), stalls.maxCpuMillis(),
                stalls.maxWaitInOurCodeMillis());
    }

    private void line(String format, Object... values) {
        String text = String.format(Locale.ROOT, format, values);
        report.add(text);
        System.out.println("[scale] " + text);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long countFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jpg")).count();
        }
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return FxProbe.fx(action);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS, () -> fx(condition));
    }
}
