package ai.haski.desktop.ui.models;

import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.model.RefusedPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The model picker's entries: every usable package with its formats and origin, then every refused folder with why. */
final class ModelChoiceList {
    private ModelChoiceList() {}

    static List<ModelChoice> of(ModelRegistry registry) {
        List<ModelChoice> choices = new ArrayList<>();
        for (ModelPackage pkg : registry.packages()) {
            ModelManifest manifest = pkg.manifest();
            List<String> facts = new ArrayList<>();
            facts.add(String.join(", ", manifest.weights().keySet().stream().map(ModelFormat::id).toList()));
            facts.add(pkg.source() == ModelPackage.Source.BUNDLED ? "bundled" : "yours");
            if (!manifest.clinicalUse()) {
                facts.add("not for clinical use");
            }
            choices.add(new ModelChoice(pkg.id(), manifest.name() + " " + manifest.version(),
                    String.join(" · ", facts), Optional.empty()));
        }
        for (RefusedPackage refused : registry.refused()) {
            String folder = refused.folder().getFileName() == null ? refused.folder().toString()
                    : refused.folder().getFileName().toString();
            choices.add(new ModelChoice(folder, folder + " (refused)", "refused: " + refused.reason(),
                    Optional.of(refused.reason())));
        }
        return choices;
    }
}
