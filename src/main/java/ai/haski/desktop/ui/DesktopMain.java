package ai.haski.desktop.ui;

import javafx.application.Application;

/** Starts the desktop app; kept apart from {@link HaskiApp} so that the plain launcher needs no JavaFX types. */
public final class DesktopMain {
    /** Opens a photo at launch: {@code haski-desktop --open photo.jpg}. */
    public static final String OPEN_OPTION = "--open";

    private DesktopMain() {}

    /** Whether these command-line arguments ask for the desktop app rather than the command line. */
    public static boolean wantsDesktop(String... args) {
        return args.length == 0 || (args.length == 2 && OPEN_OPTION.equals(args[0]));
    }

    /** Shows the window and returns when it is closed; the exit status. */
    public static int run(String... args) {
        try {
            Application.launch(HaskiApp.class, args);
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
