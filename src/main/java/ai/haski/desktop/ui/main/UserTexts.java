package ai.haski.desktop.ui.main;

import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.platform.AppVersion;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Texts the main window shows the user: a file's name, an error in plain words, the About box. */
final class UserTexts {
    private UserTexts() {}

    /** The engine's messages are written for users; an I/O error is put in plain words. */
    static String userMessage(Throwable error) {
        if (error instanceof ImageDecodeException) {
            return error.getMessage();
        }
        if (error instanceof AccessDeniedException denied) {
            return "permission denied for " + denied.getFile();
        }
        if (error instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (error instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (error instanceof IOException && error.getMessage() != null) {
            return error.getMessage();
        }
        return error.toString();
    }

    static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** Versions of the app, Java, JavaFX and the runtimes, and where the app keeps its files. */
    static String about(String runtimeSummary, String activeModel, Path logDir) {
        return "Haski Desktop " + AppVersion.get() + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", "unknown") + "\n"
                + "Runtimes: " + runtimeSummary + "\n"
                + "Active model: " + activeModel + "\n\n"
                + "Log folder: " + logDir.toAbsolutePath() + "\n\n"
                + "Models run on this machine; no photo leaves it.";
    }
}
