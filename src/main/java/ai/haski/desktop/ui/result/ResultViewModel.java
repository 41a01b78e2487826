package ai.haski.desktop.ui.result;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.ImageFacts;
import ai.haski.desktop.analysis.Provenance;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.analysis.StageTimings;
import ai.haski.desktop.analysis.quality.PhotoQuality;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.platform.AppPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Turns one analysis outcome into what the results pane shows: heads, conditions, warnings and provenance. */
public final class ResultViewModel {
    private final ReadOnlyObjectWrapper<AnalysisOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyBooleanWrapper hasAnalysis = new ReadOnlyBooleanWrapper(this, "hasAnalysis");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper imageText = new ReadOnlyStringWrapper(this, "imageText", "");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "errorText", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder",
            "No photo yet. Drop one on the left, open one with File > Open (Ctrl+O), or paste one (Ctrl+V).");
    private final ObservableList<HeadDisplay> heads = FXCollections.observableArrayList();
    private final ObservableList<String> conditions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper conditionsText = new ReadOnlyStringWrapper(this, "conditionsText", "");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<ProvenanceLine> provenance = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper timingsText = new ReadOnlyStringWrapper(this, "timingsText", "");
    private final ReadOnlyStringWrapper madeByText = new ReadOnlyStringWrapper(this, "madeByText", "");
    private final ReadOnlyStringWrapper qualityBanner = new ReadOnlyStringWrapper(this, "qualityBanner", "");
    private final FacesViewModel faces = new FacesViewModel(AppPaths.current());

    /** One row of the provenance table, e.g. "Runtime" and "ONNX Runtime 1.23.2". */
    public record ProvenanceLine(String name, String value) {}

    /** Shows an outcome; null clears the pane back to its placeholder. */
    public void show(AnalysisOutcome shown) {
        outcome.set(shown);
        faces.show(shown);
        heads.clear();
        conditions.clear();
        warnings.clear();
        provenance.clear();
        errorText.set("");
        imageText.set("");
        timingsText.set("");
        conditionsText.set("");
        madeByText.set("");
        qualityBanner.set("");
        hasAnalysis.set(shown instanceof Analysis);
        heading.set(shown == null ? "" : nameOf(shown.file()));
        if (shown instanceof Analysis analysis) {
            showAnalysis(analysis);
        } else if (shown instanceof AnalysisFailure failure) {
            errorText.set(failure.message());
        }
    }

    /** Shows a message in place of a result, e.g. "waiting for the model" or why a photo could not be read. */
    public void showMessage(Path file, String message) {
        show(null);
        heading.set(file == null ? "" : nameOf(file));
        errorText.set(message);
    }

    /** Clears the pane and shows this text in place of a result, e.g. while a photo is being analysed. */
    public void showPlaceholder(String text) {
        show(null);
        placeholder.set(text);
    }

    private void showAnalysis(Analysis analysis) {
        // One change, not one per head: the view updates its rows once.
        heads.setAll(analysis.heads().stream().map(ResultViewModel::summarise).toList());
        List<String> found = analysis.conditionsDetected();
        conditions.setAll(found.stream().map(DisplayNames::label).toList());
        conditionsText.set(found.isEmpty() ? "no condition detected" : "");
        warnings.setAll(analysis.warnings());
        analysis.quality().filter(PhotoQuality::isPoor).ifPresent(quality -> qualityBanner.set(banner(quality)));
        ImageFacts image = analysis.image();
        imageText.set(image.width() + " × " + image.height() + " px · " + image.format().toUpperCase(Locale.ROOT)
                + (image.orientation() > 1 ? " · EXIF orientation " + image.orientation() + " applied" : ""));
        Provenance p = analysis.provenance();
        provenance.setAll(List.of(
                new ProvenanceLine("Model", p.modelName()),
                new ProvenanceLine("Id, version", p.modelId() + " " + p.modelVersion()),
                new ProvenanceLine("SHA-256", p.modelSha256().substring(0, 12)),
                new ProvenanceLine("Format", p.format()),
                new ProvenanceLine("Runtime", p.runtime() + " " + p.runtimeVersion()),
                new ProvenanceLine("Clinical use", p.clinicalUse() ? "validated" : "no: outputs mean nothing medically")));
        madeByText.set("Made by " + p.modelId() + " " + p.modelVersion() + " (" + p.format() + ", " + p.runtime()
                + " " + p.runtimeVersion() + ", SHA-256 " + p.modelSha256().substring(0, 12) + ")");
        StageTimings t = analysis.timings();
        timingsText.set(String.format(Locale.ROOT, "decode %.0f · preprocess %.0f · quality %.1f · inference %.1f · "
                + "postprocess %.1f · faces %.1f · total %.0f ms", t.decodeMs(), t.preprocessMs(), t.qualityMs(),
                t.inferenceMs(), t.postprocessMs(), t.facesMs(), t.totalMs()));
    }

    /** The banner over a poor photo's result: that it is poor, then each problem on its own line. */
    static String banner(PhotoQuality quality) {
        StringBuilder text = new StringBuilder("Poor photo quality: read this result with care.");
        quality.problems().forEach(problem -> text.append("\n• ").append(problem.message()));
        return text.toString();
    }

    static HeadDisplay summarise(HeadResult head) {
        float[] probabilities = head.probabilities();
        List<LabelShare> shares = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            String label = head.labels().get(i);
            shares.add(new LabelShare(DisplayNames.label(label), probabilities[i], percent(probabilities[i]),
                    label.equals(head.topLabel())));
        }
        shares.sort(Comparator.comparingDouble(LabelShare::probability).reversed());
        return new HeadDisplay(DisplayNames.head(head.head()), DisplayNames.label(head.topLabel()),
                percent(head.topProbability()), shares);
    }

    static String percent(double probability) {
        return String.format(Locale.ROOT, "%.1f %%", probability * 100);
    }

    private static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** The faces and skin tone of the shown result, and whether the face boxes are drawn. */
    public FacesViewModel faces() {
        return faces;
    }

    /** The shown outcome as the CLI writes it, indented; empty when nothing is shown. */
    public Optional<String> json() {
        return Optional.ofNullable(outcome.get()).map(ResultJson::toPrettyJson);
    }

    public ReadOnlyObjectProperty<AnalysisOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** True when a model result (not a failure) is shown. */
    public ReadOnlyBooleanProperty hasAnalysisProperty() {
        return hasAnalysis.getReadOnlyProperty();
    }

    /** The photo's file name. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Size, format and orientation of the analysed photo. */
    public ReadOnlyStringProperty imageTextProperty() {
        return imageText.getReadOnlyProperty();
    }

    /** Why there is no result; empty when there is one. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** What the pane says when it has neither a result nor an error. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ObservableList<HeadDisplay> heads() {
        return heads;
    }

    /** Conditions detected, humanised; empty with {@link #conditionsTextProperty()} saying so. */
    public ObservableList<String> conditions() {
        return conditions;
    }

    /** "no condition detected" when a result has none; else empty. */
    public ReadOnlyStringProperty conditionsTextProperty() {
        return conditionsText.getReadOnlyProperty();
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    public ObservableList<ProvenanceLine> provenance() {
        return provenance;
    }

    public ReadOnlyStringProperty timingsTextProperty() {
        return timingsText.getReadOnlyProperty();
    }

    /** Why the shown photo's quality is poor, over the result; empty for a good photo and when none is shown. */
    public ReadOnlyStringProperty qualityBannerProperty() {
        return qualityBanner.getReadOnlyProperty();
    }

    /** One line naming the model, format and runtime that made the shown result. */
    public ReadOnlyStringProperty madeByTextProperty() {
        return madeByText.getReadOnlyProperty();
    }
}
