package ai.haski.desktop.platform;

/** The application's own version, as written into the jar manifest at build time. */
public final class AppVersion {
    private AppVersion() {}

    /** The version string, or "dev" when running from classes without a manifest. */
    public static String get() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
