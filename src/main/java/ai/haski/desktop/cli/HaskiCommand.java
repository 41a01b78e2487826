package ai.haski.desktop.cli;

/** Placeholder until the CLI lands in this same change. */
public final class HaskiCommand {
    private HaskiCommand() {}
    public static int run(String[] args) { return 2; }
}
