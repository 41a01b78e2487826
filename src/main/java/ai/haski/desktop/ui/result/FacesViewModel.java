package ai.haski.desktop.ui.result;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.Faces;
import ai.haski.desktop.analysis.SkinTone;
import ai.haski.desktop.model.FaceBox;
import ai.haski.desktop.platform.AppPaths;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the shown result says about faces and skin tone: the face boxes to draw on the photo (in pixels of the
 * upright photo) while "Show face boxes" is on, a line on the faces found, or how to add a face detector when none
 * is installed, and the skin tone labelled as an estimate from an uncalibrated photo.
 */
public final class FacesViewModel {
    private final BooleanProperty showBoxes = new SimpleBooleanProperty(this, "showBoxes", true);
    private final ObservableList<FaceBox> boxes = FXCollections.observableArrayList();
    /** One wrapper, kept: a wrapper listens to the list weakly, so one made per call would stop passing changes on. */
    private final ObservableList<FaceBox> readOnlyBoxes = FXCollections.unmodifiableObservableList(boxes);
    private final ReadOnlyStringWrapper facesText = new ReadOnlyStringWrapper(this, "facesText", "");
    private final ReadOnlyStringWrapper skinToneText = new ReadOnlyStringWrapper(this, "skinToneText", "");
    private final AppPaths paths;

    public FacesViewModel(AppPaths paths) {
        this.paths = paths;
    }

    /** Shows what an outcome says; null or a failure clears it. */
    public void show(AnalysisOutcome outcome) {
        if (!(outcome instanceof Analysis analysis)) {
            boxes.clear();
            facesText.set("");
            skinToneText.set("");
            return;
        }
        Optional<Faces> faces = analysis.faces();
        boxes.setAll(faces.map(Faces::boxes).orElse(List.of()));
        facesText.set(faces.map(FacesViewModel::describe)
                .orElseGet(() -> "Faces: not looked for; " + Engine.howToAddFaceDetector(paths)));
        skinToneText.set(analysis.skinTone().map(FacesViewModel::describe)
                .orElse("Skin tone: too few skin-coloured pixels to estimate"));
    }

    private static String describe(Faces faces) {
        if (faces.isEmpty()) {
            return "Faces: none found";
        }
        FaceBox largest = faces.largest().orElseThrow();
        return String.format(Locale.ROOT, "Faces: %d found; the largest %.0f × %.0f px at (%.0f, %.0f), score %.2f",
                faces.boxes().size(), largest.width(), largest.height(), largest.x(), largest.y(), largest.score());
    }

    private static String describe(SkinTone tone) {
        return String.format(Locale.ROOT, "Skin tone: ITA %.1f° (%s), over %d skin pixels; %s", tone.itaDegrees(),
                tone.group().words(), tone.pixels(), SkinTone.CAVEAT);
    }

    /** Whether the face boxes are drawn on the photo (View > Show face boxes). */
    public BooleanProperty showBoxesProperty() {
        return showBoxes;
    }

    /** The shown result's face boxes, best first; empty when none or no result. */
    public ObservableList<FaceBox> boxes() {
        return readOnlyBoxes;
    }

    public ReadOnlyStringProperty facesTextProperty() {
        return facesText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty skinToneTextProperty() {
        return skinToneText.getReadOnlyProperty();
    }
}
