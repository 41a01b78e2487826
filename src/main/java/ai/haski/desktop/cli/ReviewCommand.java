package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelUnavailableException;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.session.BatchListener;
import ai.haski.desktop.session.BatchProgress;
import ai.haski.desktop.session.BatchRunner;
import ai.haski.desktop.session.BatchState;
import ai.haski.desktop.session.FolderMismatchException;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.PhotoState;
import ai.haski.desktop.session.Results;
import ai.haski.desktop.session.ReviewerSettings;
import ai.haski.desktop.session.ScanReport;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.SessionFiles;
import ai.haski.desktop.session.StoredResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs or resumes the batch analysis of a folder's review session, headless. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Analyse every photo of a folder's review session that the model has not analysed yet, "
                + "saving each result in the session as it finishes.",
            "Run it again after an interruption (even kill -9) and it does the rest; nothing is lost or done twice."})
final class ReviewCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Option(names = "--session", paramLabel = "FILE",
            description = "The session file (NAME" + SessionFiles.EXTENSION + "); default: the folder's own session "
                    + "in the per-user data folder.")
    Path sessionFile;

    @Option(names = "--relink", description = "The photos of the --session file moved to FOLDER: point the session "
            + "there (after checking its photos are in it).")
    boolean relink;

    @Option(names = "--retry-failed", description = "Also analyse again the photos this model failed on before.")
    boolean retryFailed;

    @Option(names = "--blinded", description = "Turn on blinded reading for this session: in the window each "
            + "reviewer then sees the photos in an order shuffled for them, and a head's model answer only after giving "
            + "their own label; evaluate --blinded-only uses those verdicts. It stays on for the session.")
    boolean blinded;
    @Option(names = "--import-results", paramLabel = "OUT", description = "Instead of analysing, take results "
            + "computed elsewhere into the session: the Spark job's --format json output folder, or an analyze "
            + "--out file. A photo keeps a result it already has from the same model.")
    Path importResults;

    @Parameters(paramLabel = "FOLDER", arity = "1", description = "The folder of photos (searched recursively).")
    Path folder;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        common.configureLogging();
        PrintWriter err = spec.commandLine().getErr();
        ThreadBudget budget;
        try {
            model.forcedFormat();
            budget = model.threadBudget();
            SessionFiles.realFolder(folder);
            if (sessionFile != null) {
                SessionFiles.requireSessionName(sessionFile);
            }
            if (relink && sessionFile == null) {
                throw new IllegalArgumentException("--relink needs the --session FILE to move to " + folder);
            }
        } catch (IllegalArgumentException | SessionException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        AppPaths paths = AppPaths.current();
        try (Session session = openSession(paths, err)) {
            err.println("Session " + session.file() + " for " + session.root());
            ScanReport scan = session.rescan();
            scan.problems().forEach(problem -> err.println("warning: " + problem));
            err.printf(Locale.ROOT, "Folder scanned: %d photos (%d new, %d back, %d changed), %d missing now%s%n",
                    scan.present(), scan.added(), scan.returned(), scan.changed(),
                    session.photos().count(PhotoState.MISSING),
                    scan.skippedNonImages() > 0 ? ", " + scan.skippedNonImages() + " non-image files skipped" : "");
            if (scan.present() == 0) {
                err.println("error: no image files found in " + session.root());
                return HaskiCommand.USAGE;
            }
            if (blinded) {
                blind(session, paths, err);
            }
            if (importResults != null) {
                return ResultImportPrinter.run(session, importResults, err);
            }
            Engine engine = Engine.create(paths, common.modelDirs);
            try (Analyzer analyzer = engine.open(model.request(common, budget));
                    AnalysisPool pool = AnalysisPool.of(budget)) {
                return runBatch(session, new BatchRunner(session, analyzer, pool, retryFailed), err);
            } catch (NoUsableModelException | ModelUnavailableException e) {
                err.println("error: " + e.getMessage());
                return HaskiCommand.USAGE;
            }
        } catch (FolderMismatchException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        } catch (SessionException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.FAILED;
        }
    }

    /** Turns blinded reading on, recorded under the user's reviewer name (or their login name when none is set). */
    private static void blind(Session session, AppPaths paths, PrintWriter err) throws SessionException {
        if (session.blinding().isBlinded()) {
            err.println("Blinded reading is already on for this session");
            return;
        }
        String who = ReviewerSettings.forUser(paths).name().orElse(System.getProperty("user.name", "haski"));
        session.blinding().setBlinded(true, who);
        err.println("Blinded reading is on for this session: in the window each reviewer sees the model's answer "
                + "for a head only after giving their own label, in an order shuffled for them");
    }

    private Session openSession(AppPaths paths, PrintWriter err) throws SessionException {
        if (sessionFile == null) {
            return Session.open(folder, paths);
        }
        if (!relink || !Files.exists(sessionFile)) {
            return Session.open(folder, sessionFile);
        }
        Session session = Session.openFile(sessionFile);
        try {
            if (!session.root().equals(SessionFiles.realFolder(folder))) {
                Path old = session.root();
                session.relink(folder);
                err.println("Relinked session " + session.file() + " from " + old + " to " + session.root());
            }
            return session;
        } catch (SessionException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static int runBatch(Session session, BatchRunner runner, PrintWriter err) throws SessionException {
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C or a plain kill: stop starting photos, let the ones in flight be saved, then let the JVM go.
        Thread hook = new Thread(() -> {
            runner.cancel();
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "review-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ProgressPrinter printer = new ProgressPrinter(err);
            runner.addListener(printer);
            BatchProgress last = runner.run();
            printer.finish(last, runner.model().describe());
            Results.Counts counts = session.results().counts(runner.model());
            err.printf(Locale.ROOT, "Session now holds %d results from %s: %d succeeded, %d failed%n",
                    counts.succeeded() + counts.failed(), runner.model().describe(), counts.succeeded(),
                    counts.failed());
            if (last.state() == BatchState.CANCELLED) {
                err.println("Interrupted: every finished photo is saved; run the same command again to do the rest.");
                return HaskiCommand.FAILED;
            }
            if (counts.failed() > 0 && last.failed() < counts.failed()) {
                err.println("Photos that failed in an earlier run were not tried again; add --retry-failed to retry "
                        + "them.");
            }
            return counts.failed() == 0 ? HaskiCommand.OK : HaskiCommand.PARTIAL;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running; it ends now that the latch is down.
            }
        }
    }

    /**
     * Shows the batch on stderr: a line when it starts, one every few seconds while it runs (plain lines, so that a
     * long headless run leaves its progress in a log as well as on a terminal), and a summary at the end.
     */
    private static final class ProgressPrinter implements BatchListener {
        private static final long EVERY_NANOS = 5_000_000_000L;

        private final PrintWriter err;
        private long lastPrint = System.nanoTime();

        ProgressPrinter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void stateChanged(BatchProgress state) {
            if (state.state() == BatchState.RUNNING && state.done() == 0) {
                err.printf(Locale.ROOT, "%d photos to analyse%s%n", state.total(), state.alreadyAnalysed() > 0
                        ? ", " + state.alreadyAnalysed() + " photos already analysed by this model are skipped" : "");
                err.flush();
            }
        }

        @Override
        public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress state) {
            if (result.isEmpty()) {
                err.println("warning: " + photo.relativePath() + " is gone from the folder; marked missing");
            }
            long now = System.nanoTime();
            if (now - lastPrint >= EVERY_NANOS && state.done() < state.total()) {
                lastPrint = now;
                err.printf(Locale.ROOT, "%d/%d photos, %d failed, %.1f/s, about %ds left%n", state.done(),
                        state.total(), state.failed(), state.ratePerSecond(),
                        state.remaining().map(Duration::toSeconds).orElse(0L));
                err.flush();
            }
        }

        void finish(BatchProgress last, String model) {
            err.printf(Locale.ROOT, "Analysed %d photos with %s in %.1fs: %d succeeded, %d failed%s%n", last.done(),
                    model, last.elapsed().toMillis() / 1000.0, last.succeeded(), last.failed(),
                    last.missing() > 0 ? ", " + last.missing() + " gone missing" : "");
            err.flush();
        }
    }
}
