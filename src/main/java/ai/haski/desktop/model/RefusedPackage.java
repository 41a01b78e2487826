package ai.haski.desktop.model;

import java.nio.file.Path;

/** A folder under a models root that is not a usable package, and why. */
public record RefusedPackage(Path folder, String reason) {}
