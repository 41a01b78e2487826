package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.platform.AppPaths;
import java.io.PrintWriter;

/** The face detectors part of {@code models list}: each installed detector, or how to add one when there is none. */
final class FaceDetectorListing {
    private FaceDetectorListing() {}

    static void print(Engine engine, AppPaths paths, PrintWriter out) {
        if (engine.registry().faceDetectors().isEmpty()) {
            out.println("Face detector: none. " + capitalised(Engine.howToAddFaceDetector(paths)));
            out.println();
            return;
        }
        for (ModelPackage pkg : engine.registry().faceDetectors()) {
            ModelManifest m = pkg.manifest();
            out.printf("%s %s  \"%s\"  [%s, face detector]%n", m.id(), m.version(), m.name(),
                    pkg.source().name().toLowerCase());
            out.printf("  input: %dx%d %s, finds faces for every analysis (the first face detector is used)%n",
                    m.input().width(), m.input().height(), m.input().colourOrder());
            for (ModelFormat format : m.backendPreference()) {
                out.printf("  %-6s %s  sha256 %s%n", format.id(), m.weights().get(format).file(),
                        m.weights().get(format).sha256().substring(0, 12));
            }
            out.printf("  folder: %s%n%n", pkg.folder());
        }
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
