package ai.haski.desktop.ui.evaluation;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.evaluation.HeadEvaluation;
import ai.haski.desktop.session.evaluation.ModelEvaluation;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Evaluation view: the model to show, what the truth is, and one panel per head (numbers with their interval,
 * the confusion heat map, the reliability diagram, per-label scores), redrawn whenever the ViewModel recomputes.
 * Layout and bindings only.
 */
public final class EvaluationView {
    private final EvaluationViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final VBox heads = new VBox(8);

    public EvaluationView(EvaluationViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("evaluationView");
        root.getStyleClass().add("evaluation-view");
        root.setTop(header());
        ScrollPane scroll = new ScrollPane(heads);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        Label note = new Label("The truth is the reviewers' labels, not a diagnosis; with few photos the interval is "
                + "wide; an untrained model's numbers mean nothing medically. See docs/EVALUATION.md.");
        note.setWrapText(true);
        note.getStyleClass().add("evaluation-note");
        note.setPadding(new Insets(6, 10, 8, 10));
        root.setBottom(note);
        viewModel.shownProperty().addListener((obs, old, now) -> redraw(now));
        redraw(viewModel.shownProperty().get());
    }

    private Region header() {
        ComboBox<ModelKey> model = new ComboBox<>(viewModel.models());
        model.setId("evaluationModel");
        model.valueProperty().bindBidirectional(viewModel.modelProperty());
        model.setAccessibleText("The model to evaluate");
        model.setButtonCell(new ModelCell());
        model.setCellFactory(list -> new ModelCell());
        model.setPromptText("model");
        Label truth = new Label();
        truth.setId("evaluationTruth");
        truth.textProperty().bind(viewModel.truthTextProperty());
        truth.setWrapText(true);
        HBox.setHgrow(truth, Priority.ALWAYS);
        ProgressIndicator computing = new ProgressIndicator();
        computing.setPrefSize(18, 18);
        computing.visibleProperty().bind(viewModel.computingProperty());
        CheckBox blind = new CheckBox("Blind verdicts only");
        blind.setId("evaluationBlindOnly");
        blind.selectedProperty().bindBidirectional(viewModel.blindOnlyProperty());
        blind.setTooltip(new Tooltip("Count only the labels given in blinded reading, before the model's answer "
                + "was shown"));
        Label modelTitle = new Label("Model");
        // The choices keep their width; the truth's sentence wraps into what is left.
        for (Region fixed : new Region[] {modelTitle, model, blind}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(10, modelTitle, model, blind, truth, computing);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("session-bar");
        return bar;
    }

    private void redraw(ModelEvaluation evaluation) {
        heads.getChildren().clear();
        if (evaluation == null) {
            return;
        }
        for (HeadEvaluation head : evaluation.heads()) {
            heads.getChildren().add(HeadPanel.of(head, viewModel));
        }
    }

    public Parent root() {
        return root;
    }

    /** A model as its id, version and format. */
    private static final class ModelCell extends ListCell<ModelKey> {
        @Override
        protected void updateItem(ModelKey item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.modelId() + " " + item.modelVersion() + " (" + item.format()
                    + ")");
        }
    }
}
