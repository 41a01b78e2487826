package ai.haski.desktop.cli;

import ai.haski.desktop.session.ResultImport;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** {@code review FOLDER --import-results OUT}: runs the import and says what it did. */
final class ResultImportPrinter {
    private ResultImportPrinter() {}

    /** Imports {@code source} into the scanned {@code session}; returns the exit code. */
    static int run(Session session, Path source, PrintWriter err) throws SessionException {
        ResultImport.Report report;
        try {
            report = ResultImport.run(session, source);
        } catch (IOException e) {
            err.println("error: cannot import results: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        report.problems().forEach(problem -> err.println("warning: " + problem));
        err.printf(Locale.ROOT, "Imported %d results from %s; %d photos already had a result from that model, %d rows "
                        + "were errors (not imported: the session's batch tries those photos), %d rows name no photo "
                        + "of %s%n", report.imported(), source, report.alreadyThere(), report.failedRows(),
                report.notInFolder(), session.root());
        return report.problems().isEmpty() ? HaskiCommand.OK : HaskiCommand.PARTIAL;
    }
}
