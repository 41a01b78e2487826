package ai.haski.desktop;

import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.ui.DesktopMain;

/**
 * Plain entry point: with no arguments (or {@code --open FILE}) the desktop app, with any others the headless CLI.
 * It does not extend Application, so a launch from the class path (java -jar) finds JavaFX on the class path.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        // The desktop entry runs "haski-desktop --open %f"; from the menu, without a file, that is a lone --open.
        if (args.length == 1 && "--open".equals(args[0])) {
            args = new String[0];
        }
        if (DesktopMain.wantsDesktop(args)) {
            System.exit(DesktopMain.run(args));
        }
        System.exit(HaskiCommand.run(args));
    }
}
