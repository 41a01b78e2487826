package ai.haski.desktop;

import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.ui.DesktopMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plain entry point: with no arguments (or {@code --open FILE}) the desktop app, with any others the headless CLI.
 * It does not extend Application, so a launch from the class path (java -jar) finds JavaFX on the class path.
 */
public final class Launcher {
    /** Set (to any value but {@code false}) to keep the JVM's temporary folder instead of the per-user one. */
    public static final String KEEP_TMPDIR_PROPERTY = "haski.keep.tmpdir";

    private Launcher() {}

    public static void main(String[] args) {
        usePrivateTempFolder();
        // The desktop entry runs "haski-desktop --open %f"; from the menu, without a file, that is a lone --open.
        if (args.length == 1 && "--open".equals(args[0])) {
            args = new String[0];
        }
        if (DesktopMain.wantsDesktop(args)) {
            System.exit(DesktopMain.run(args));
        }
        System.exit(HaskiCommand.run(args));
    }

    /**
     * Moves {@code java.io.tmpdir} into the per-user cache before any library reads it: ONNX Runtime creates (and
     * deletes) a folder there on every start and ImageIO caches streams there, and a launch should write nothing
     * to a shared /tmp, which may also be mounted noexec. A launcher's own {@code -Djava.io.tmpdir} can't be told
     * apart from the default, hence the explicit opt-out.
     */
    static void usePrivateTempFolder() {
        String keep = System.getProperty(KEEP_TMPDIR_PROPERTY);
        if (keep != null && !keep.equalsIgnoreCase("false")) {
            return;
        }
        try {
            Path folder = AppPaths.current().cacheDir().resolve("tmp");
            Files.createDirectories(folder);
            System.setProperty("java.io.tmpdir", folder.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            // An unwritable home keeps the JVM's default; the app still works, it just uses /tmp.
            System.err.println("warning: keeping the temporary folder " + System.getProperty("java.io.tmpdir")
                    + " (" + e.getMessage() + ")");
        }
    }
}
