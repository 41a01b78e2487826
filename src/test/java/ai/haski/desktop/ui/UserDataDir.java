package ai.haski.desktop.ui;

import ai.haski.desktop.platform.AppPaths;
import java.nio.file.Path;

/**
 * Points the per-user data folder (and so the user's models folder) at a test's own folder, and back on close:
 * tests that import or remove models must not see, or leave, each other's packages.
 */
public final class UserDataDir implements AutoCloseable {
    private final String previous;

    private UserDataDir(Path folder) {
        previous = System.getProperty(AppPaths.DATA_DIR_PROPERTY);
        System.setProperty(AppPaths.DATA_DIR_PROPERTY, folder.toString());
    }

    public static UserDataDir at(Path folder) {
        return new UserDataDir(folder);
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty(AppPaths.DATA_DIR_PROPERTY);
        } else {
            System.setProperty(AppPaths.DATA_DIR_PROPERTY, previous);
        }
    }
}
