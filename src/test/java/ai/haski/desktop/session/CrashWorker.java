package ai.haski.desktop.session;

import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A child process for the crash tests: it writes to a session through the real store, without end (or COUNT verdicts
 * and notes, for the privacy test's review step), and prints a line
 * after each write has returned (committed, or renamed into place), so that the parent knows what it must find after
 * killing this process with SIGKILL at a random moment.
 *
 * <pre>
 * CrashWorker verdicts SESSION WORKER_TAG [COUNT]  # "verdict SEQ" after each override, "note SEQ" after each note
 * CrashWorker export SESSION csv|json OUT   # "exported N" after each complete export
 * CrashWorker batch SESSION FOLDER         # "result N" after each photo's result is saved (one thread, ONNX)
 * </pre>
 *
 * The batch mode runs the real {@link BatchRunner} with the bundled reference model, as {@code review} does, on one
 * thread, so that the parent can kill it after a chosen number of saved results.
 *
 * Each verdict and note carries {@code WORKER_TAG-SEQ} (as the reviewer's name, and as the note's text), so that the
 * parent can count each one's copies in the database.
 */
public final class CrashWorker {
    private CrashWorker() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args[0].equals("batch")) {
            batch(Path.of(args[1]), Path.of(args[2]), out);
            return;
        }
        try (Session session = Session.openFile(Path.of(args[1]))) {
            switch (args[0]) {
                case "verdicts" -> writeVerdicts(session, args[2], args.length > 3 ? Long.parseLong(args[3])
                        : Long.MAX_VALUE, out);
                case "export" -> export(session, SessionExport.Format.fromId(args[2]).orElseThrow(), Path.of(args[3]),
                        out);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    /** Between one verdict-and-note and the next; what is checked is what was acknowledged, not when. */
    private static final long WRITE_PAUSE_MS = 5;

    private static void writeVerdicts(Session session, String tag, long count, PrintStream out)
            throws SessionException, InterruptedException {
        List<StoredResult> results = new ArrayList<>();
        for (ModelKey model : session.results().models()) {
            results.addAll(session.results().byModel(model).stream().filter(StoredResult::succeeded).toList());
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("the session holds no successful result to review");
        }
        for (long seq = 0; seq < count; seq++) {
            StoredResult result = results.get((int) (seq % results.size()));
            HeadSummary head = result.heads().get((int) (seq % result.heads().size()));
            List<String> labels = result.labels(head.head());
            String label = labels.get((int) (seq % labels.size()));
            session.reviews().override(result.analysisId(), head.head(), label, tag + "-" + seq);
            out.println("verdict " + seq);
            out.flush();
            session.reviews().note(result.photoId(), tag + "-" + seq, tag);
            out.println("note " + seq);
            out.flush();
            // A reviewer gives a verdict every second or so, not thousands: a writer in a tight loop keeps the file
            // locked nearly all the time, and the other process's SQLite busy handler, which polls, can then wait out
            // its whole timeout on a loaded machine. A short pause keeps the two writing at once, as two windows do.
            Thread.sleep(WRITE_PAUSE_MS);
        }
    }

    private static void batch(Path sessionFile, Path folder, PrintStream out) throws Exception {
        try (Session session = Session.open(folder, sessionFile);
                ActiveModel model = SharedEngine.loader().load(SharedEngine.reference(), List.of(ModelFormat.ONNX), 1);
                AnalysisPool pool = new AnalysisPool(1)) {
            session.rescan();
            BatchRunner runner = new BatchRunner(session, TestAnalyzers.over(model, new ImageLoader()), pool, false);
            runner.addListener(new BatchListener() {
                @Override
                public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress progress) {
                    // Called after the result is committed: from here on it must survive a kill.
                    out.println("result " + progress.done());
                    out.flush();
                }
            });
            runner.run();
        }
    }

    private static void export(Session session, SessionExport.Format format, Path target, PrintStream out)
            throws SessionException {
        for (long n = 1; ; n++) {
            SessionExport.write(session, format, target);
            out.println("exported " + n);
            out.flush();
        }
    }
}
