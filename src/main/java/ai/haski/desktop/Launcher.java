package ai.haski.desktop;

import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.platform.FileNameEncoding;
import ai.haski.desktop.platform.NativeHeapTuning;
import ai.haski.desktop.ui.DesktopMain;
import java.util.List;

/**
 * Plain entry point: with no arguments, {@code --open FILE...} or photos and folders the desktop app, with a command
 * the headless CLI. It does not extend Application, so a launch from the class path (java -jar) finds JavaFX on the
 * class path.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        // Before any decoder or runtime allocates: bounds the native heap of long runs (docs/BENCHMARKS.md, Memory).
        NativeHeapTuning.apply();
        System.exit(run(DesktopMain::open, args));
    }

    /**
     * Decides what {@code args} ask for and does it: the desktop app (through {@code desktop}) or a command; the exit
     * status. The jar, the packaged launchers and the window tests all come through here.
     */
    public static int run(HaskiCommand.Desktop desktop, String... args) {
        if (args.length == 0 || DesktopMain.wantsDesktop(args)) {
            // The command line says it itself (HaskiCommand); the window's stderr lands in a terminal or a journal.
            FileNameEncoding.warning().ifPresent(warning -> System.err.println("warning: " + warning));
        }
        // The desktop entry runs "haski-desktop --open %f"; from the menu, without a file, that is a lone --open.
        if (args.length == 0 || args.length == 1 && DesktopMain.OPEN_OPTION.equals(args[0])) {
            return desktop.open(List.of());
        }
        if (DesktopMain.wantsDesktop(args)) {
            return desktop.open(DesktopMain.pathsAfterOpen(args));
        }
        return HaskiCommand.run(desktop, args);
    }
}
