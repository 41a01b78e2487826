package ai.haski.desktop.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;

/** Starts the desktop app; kept apart from {@link HaskiApp} so that the plain launcher needs no JavaFX types. */
public final class DesktopMain {
    /**
     * Opens photos at launch whatever their names: {@code haski-desktop --open photo.jpg}, also for a file named
     * like a command ({@code --open analyze}).
     */
    public static final String OPEN_OPTION = "--open";

    private DesktopMain() {}

    /** Whether these command-line arguments are {@code --open} and what to open, rather than the command line. */
    public static boolean wantsDesktop(String... args) {
        return args.length == 0 || (args.length >= 2 && OPEN_OPTION.equals(args[0]));
    }

    /** The paths after the leading {@code --open} of arguments that {@link #wantsDesktop want the desktop}, absolute. */
    public static List<Path> pathsAfterOpen(String... args) {
        return Arrays.stream(args).skip(1)
                .map(argument -> Path.of(argument).toAbsolutePath()).toList();
    }

    /** The application's arguments that make {@link HaskiApp} open {@code paths}. */
    static String[] launchArguments(List<Path> paths) {
        return paths.stream().map(Path::toString).toArray(String[]::new);
    }

    /** Shows the window with {@code paths} opened in it and returns when it is closed; the exit status. */
    public static int open(List<Path> paths) {
        try {
            Application.launch(HaskiApp.class, launchArguments(paths));
            return 0;
        } catch (RuntimeException | LinkageError e) {
            // Typically no display (a server, or SSH without X forwarding): say so and point at the CLI.
            System.err.println("Haski Desktop could not open its window: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "")
                    + "\nWithout a display, use the command line, e.g.: haski-desktop analyze PHOTO... "
                    + "(haski-desktop --help lists the commands)");
            return 2;
        }
    }
}
