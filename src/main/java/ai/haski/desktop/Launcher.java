package ai.haski.desktop;

import ai.haski.desktop.cli.HaskiCommand;

/** Plain entry point: runs the headless CLI. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.exit(HaskiCommand.run(args));
    }
}
