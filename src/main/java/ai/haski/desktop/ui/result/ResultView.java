package ai.haski.desktop.ui.result;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The results pane: a banner when the photo's quality is poor, per head the top label and confidence with every
 * label as a bar, detected conditions as chips, warnings, provenance and timings; or the reason there is no result.
 */
public final class ResultView extends ScrollPane {
    private final ResultViewModel viewModel;
    private final ExplainViewModel explain;
    private final VBox heads = new VBox(14);
    private final List<HeadBox> headBoxes = new ArrayList<>();
    private final FlowPane chips = new FlowPane(6, 6);
    private final VBox warnings = new VBox(4);
    private final GridPane provenance = new GridPane();
    private final List<Label> provenanceValues = new ArrayList<>();

    /**
     * @param copyJson   the "Copy as JSON" command
     * @param saveResult the "Save result…" command
     * @param explain    which head's "Explain" toggle is on
     */
    public ResultView(ResultViewModel viewModel, Runnable copyJson, Runnable saveResult, ExplainViewModel explain) {
        this.viewModel = viewModel;
        this.explain = explain;
        explain.explainedHeadProperty().addListener((obs, old, now) -> syncExplainToggles());
        getStyleClass().add("result-view");
        setId("resultView");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMinWidth(330);

        Label heading = boundLabel(viewModel.headingProperty(), "result-heading");
        heading.setId("resultHeading");
        Label image = boundLabel(viewModel.imageTextProperty(), "result-image");
        Label madeBy = boundLabel(viewModel.madeByTextProperty(), "result-made-by");
        madeBy.setId("resultMadeBy");
        Label placeholder = boundLabel(viewModel.placeholderProperty(), "result-placeholder");
        placeholder.setId("resultPlaceholder");
        placeholder.visibleProperty().bind(viewModel.outcomeProperty().isNull()
                .and(viewModel.errorTextProperty().isEmpty()));
        placeholder.managedProperty().bind(placeholder.visibleProperty());
        Label error = boundLabel(viewModel.errorTextProperty(), "result-error");
        error.setId("resultError");
        // Above the heads, so that nobody reads the answer without first seeing why the photo may mislead it.
        Label qualityBanner = boundLabel(viewModel.qualityBannerProperty(), "quality-banner");
        qualityBanner.setId("qualityBanner");

        heads.setId("resultHeads");
        showWhen(heads, viewModel);
        viewModel.heads().addListener((ListChangeListener<HeadDisplay>) change -> rebuildHeads());

        chips.setId("conditionChips");
        Label noCondition = boundLabel(viewModel.conditionsTextProperty(), "no-condition");
        noCondition.setId("noCondition");
        viewModel.conditions().addListener((ListChangeListener<String>) change -> rebuildChips());
        VBox conditions = section("Conditions detected", chips, noCondition);
        showWhen(conditions, viewModel);

        warnings.setId("resultWarnings");
        viewModel.warnings().addListener((ListChangeListener<String>) change -> rebuildWarnings());
        VBox warningSection = section("Warnings", warnings);
        warningSection.visibleProperty().bind(Bindings.isNotEmpty(viewModel.warnings()));
        warningSection.managedProperty().bind(warningSection.visibleProperty());

        provenance.setId("provenance");
        provenance.setHgap(12);
        provenance.setVgap(3);
        viewModel.provenance().addListener((ListChangeListener<ResultViewModel.ProvenanceLine>) c -> rebuildProvenance());
        Label timings = boundLabel(viewModel.timingsTextProperty(), "result-timings");
        timings.setId("timings");
        VBox provenanceSection = section("Provenance", provenance, timings);
        showWhen(provenanceSection, viewModel);

        Button copy = new Button("Copy as _JSON");
        copy.setOnAction(event -> copyJson.run());
        copy.setAccessibleText("Copy the result as JSON (Ctrl+Shift+C)");
        Button save = new Button("_Save result…");
        save.setOnAction(event -> saveResult.run());
        save.setAccessibleText("Save the result as a JSON file (Ctrl+S)");
        copy.disableProperty().bind(viewModel.outcomeProperty().isNull());
        save.disableProperty().bind(viewModel.outcomeProperty().isNull());
        HBox actions = new HBox(8, copy, save);
        actions.getStyleClass().add("result-actions");

        FacesViewModel faces = viewModel.faces();
        Label facesLine = boundLabel(faces.facesTextProperty(), "faces-text");
        facesLine.setId("resultFaces");
        Label skinTone = boundLabel(faces.skinToneTextProperty(), "skin-tone-text");
        skinTone.setId("resultSkinTone");
        VBox facesSection = section("Faces and skin tone", facesLine, skinTone);
        showWhen(facesSection, viewModel);

        VBox content = new VBox(10, heading, image, madeBy, placeholder, error, qualityBanner, heads, conditions,
                warningSection, facesSection, provenanceSection, actions);
        content.getStyleClass().add("result-content");
        setContent(content);
    }

    private static void showWhen(Node section, ResultViewModel viewModel) {
        section.visibleProperty().bind(viewModel.hasAnalysisProperty());
        section.managedProperty().bind(section.visibleProperty());
    }

    private static Label boundLabel(ObservableStringValue text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static VBox section(String title, Node... children) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox box = new VBox(6, heading);
        box.getChildren().addAll(children);
        box.getStyleClass().add("result-section");
        return box;
    }

    /** Reuses the head boxes of the previous result, so a new result changes text, not the scene graph. */
    private void rebuildHeads() {
        List<HeadDisplay> shown = viewModel.heads();
        while (headBoxes.size() < shown.size()) {
            HeadBox box = new HeadBox();
            int index = headBoxes.size();
            box.explainToggle().disableProperty().bind(explain.canExplainProperty().not());
            box.explainToggle().setOnAction(event -> {
                explain.toggle(index);
                // The toggle flipped itself on the click; the ViewModel says which head is explained.
                syncExplainToggles();
            });
            headBoxes.add(box);
            heads.getChildren().add(box);
        }
        while (headBoxes.size() > shown.size()) {
            heads.getChildren().remove(headBoxes.remove(headBoxes.size() - 1));
        }
        for (int i = 0; i < shown.size(); i++) {
            headBoxes.get(i).show(shown.get(i));
        }
        syncExplainToggles();
    }

    private void syncExplainToggles() {
        for (int i = 0; i < headBoxes.size(); i++) {
            headBoxes.get(i).explainToggle().setSelected(explain.explainedHeadProperty().get() == i);
        }
    }

    private void rebuildChips() {
        chips.getChildren().clear();
        for (String condition : viewModel.conditions()) {
            Label chip = new Label(condition);
            chip.getStyleClass().add("chip");
            chips.getChildren().add(chip);
        }
        chips.setVisible(!viewModel.conditions().isEmpty());
        chips.setManaged(chips.isVisible());
    }

    private void rebuildWarnings() {
        warnings.getChildren().clear();
        for (String warning : viewModel.warnings()) {
            Label line = new Label(warning);
            line.setWrapText(true);
            line.getStyleClass().add("warning-line");
            warnings.getChildren().add(line);
        }
    }

    /** Updates the provenance rows in place when their names are the same as before (they always are). */
    private void rebuildProvenance() {
        List<ResultViewModel.ProvenanceLine> lines = viewModel.provenance();
        if (lines.isEmpty()) {
            return;
        }
        if (provenanceValues.size() != lines.size()) {
            provenance.getChildren().clear();
            provenanceValues.clear();
            int row = 0;
            for (ResultViewModel.ProvenanceLine line : lines) {
                Label name = new Label(line.name());
                name.getStyleClass().add("provenance-name");
                name.setMinWidth(90);
                Label value = new Label();
                value.getStyleClass().add("provenance-value");
                value.setWrapText(true);
                value.setId("provenance-" + line.name().replaceAll("[^A-Za-z0-9]", ""));
                GridPane.setHgrow(value, Priority.ALWAYS);
                provenance.addRow(row++, name, value);
                provenanceValues.add(value);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            provenanceValues.get(i).setText(lines.get(i).value());
        }
    }
}
