package ai.haski.desktop.cli;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.SessionFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** The existing session a command reads, named by its photo folder or by {@code --session FILE} (one of them). */
final class SessionArgument {
    private SessionArgument() {}

    /**
     * The session file to open.
     *
     * @throws IllegalArgumentException (a usage error) when both or neither are given, or there is no such session
     * @throws SessionException (also a usage error) when the name or the folder is wrong
     */
    static Path existing(Path folder, Path sessionFile) throws SessionException {
        if ((folder == null) == (sessionFile == null)) {
            throw new IllegalArgumentException("give either the photo FOLDER or --session FILE (one of them)");
        }
        if (sessionFile != null) {
            Path file = SessionFiles.requireSessionName(sessionFile);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("there is no session file " + sessionFile);
            }
            return file;
        }
        Path file = SessionFiles.defaultFor(AppPaths.current(), folder);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the folder " + folder + " has no review session yet (looked for "
                    + file + "); run `review " + folder + "` first");
        }
        return file;
    }
}
