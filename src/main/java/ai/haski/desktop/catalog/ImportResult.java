package ai.haski.desktop.catalog;

import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@link ModelImporter#write} did: where the package is and the proof it passed. */
public record ImportResult(Path folder, ModelPackage modelPackage, Map<ModelFormat, Double> testVectorDeviations,
        float tolerance, Optional<FormatAgreement> agreement, List<FormatFacts> formats, List<HeadResult> sampleHeads,
        Path sample) {}
