package ai.haski.desktop.platform;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shows a folder in the system's file manager. Blocks briefly: call it off the UI thread. */
public final class FolderOpener {
    private static final Logger LOG = LoggerFactory.getLogger(FolderOpener.class);

    private FolderOpener() {}

    /**
     * Opens {@code folder} (creating it first) with {@link Desktop} where supported, else with the platform's
     * opener command ({@code xdg-open}, {@code open}, {@code explorer}).
     *
     * @throws IOException saying why, when neither way works
     */
    public static void open(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(folder.toFile());
                return;
            } catch (IOException | RuntimeException e) {
                LOG.info("Desktop could not open {}: {}; trying the system opener", folder, e.toString());
            }
        }
        List<String> command = openerCommand(folder);
        try {
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " could not be started"
                    + (e.getMessage() != null && e.getMessage().contains("error=2") ? ": it is not installed" : ": "
                    + e.getMessage()), e);
        }
    }

    static List<String> openerCommand(Path folder) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String path = folder.toAbsolutePath().toString();
        if (os.startsWith("windows")) {
            return List.of("explorer", path);
        }
        if (os.startsWith("mac")) {
            return List.of("open", path);
        }
        return List.of("xdg-open", path);
    }
}
