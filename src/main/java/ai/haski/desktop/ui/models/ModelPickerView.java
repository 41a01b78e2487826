package ai.haski.desktop.ui.models;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The model and runtime pickers: every package (refused ones disabled, with the reason) and the runtimes of the
 * active one. A pick asks the {@link ModelsViewModel} to switch; the pickers then follow what is really active.
 */
public final class ModelPickerView extends HBox {
    private final ComboBox<ModelChoice> models = new ComboBox<>();
    private final ComboBox<RuntimeChoice> runtimes = new ComboBox<>();
    /** True while the pickers are set from the ViewModel, so that this is not taken as a user's pick. */
    private boolean following;

    public ModelPickerView(ModelsViewModel viewModel) {
        getStyleClass().add("model-picker");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);

        models.setId("modelPicker");
        models.setItems(viewModel.modelChoices());
        models.setCellFactory(list -> new ModelCell());
        models.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ModelChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "No model" : item.title());
            }
        });
        models.setPrefWidth(340);
        models.setAccessibleText("Model: choose which model analyses the photos");
        models.setTooltip(new Tooltip("Which model analyses the photos"));
        models.setOnAction(event -> {
            // A rescan replaces the list with equal entries; the picker re-selecting the active one is no pick.
            if (!following && models.getValue() != null
                    && !models.getValue().equals(viewModel.activeModelChoiceProperty().get())) {
                viewModel.chooseModel(models.getValue());
            }
        });

        runtimes.setId("runtimePicker");
        runtimes.setItems(viewModel.runtimeChoices());
        runtimes.setCellFactory(list -> new RuntimeCell());
        runtimes.setPrefWidth(290);
        runtimes.setAccessibleText("Runtime: choose which runtime runs the model");
        runtimes.setTooltip(new Tooltip("Which runtime runs the model; Automatic follows the model's own preference"));
        runtimes.setOnAction(event -> {
            if (!following && runtimes.getValue() != null) {
                viewModel.chooseRuntime(runtimes.getValue());
            }
        });

        models.disableProperty().bind(viewModel.loadingProperty());
        runtimes.disableProperty().bind(viewModel.loadingProperty().or(viewModel.analyzerProperty().isNull()));
        viewModel.activeModelChoiceProperty().addListener((obs, old, now) -> follow(() -> models.setValue(now)));
        viewModel.activeRuntimeChoiceProperty().addListener((obs, old, now) -> follow(() -> runtimes.setValue(now)));

        Label modelLabel = new Label("Model:");
        modelLabel.setLabelFor(models);
        Label runtimeLabel = new Label("Runtime:");
        runtimeLabel.setLabelFor(runtimes);
        getChildren().addAll(modelLabel, models, runtimeLabel, runtimes);
    }

    private void follow(Runnable update) {
        following = true;
        try {
            update.run();
        } finally {
            following = false;
        }
    }

    /** Two lines per package: its name, then its formats and origin; refused folders greyed with the reason. */
    private static final class ModelCell extends ListCell<ModelChoice> {
        @Override
        protected void updateItem(ModelChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                getStyleClass().remove("choice-refused");
                return;
            }
            Label title = new Label(item.title());
            title.getStyleClass().add("choice-title");
            Label detail = new Label(item.detail());
            detail.getStyleClass().add("choice-detail");
            detail.setMaxWidth(420);
            setGraphic(new VBox(1, title, detail));
            setText(null);
            // Greyed rather than disabled: a disabled cell shows no tooltip, and the reason is the point.
            getStyleClass().remove("choice-refused");
            if (!item.selectable()) {
                getStyleClass().add("choice-refused");
            }
            setTooltip(new Tooltip(item.refusedReason().orElse(item.detail())));
            setAccessibleText(item.title() + ", " + item.detail());
        }
    }

    /** A runtime, greyed (not disabled, so its tooltip shows) with the reason when it cannot load here. */
    private static final class RuntimeCell extends ListCell<RuntimeChoice> {
        @Override
        protected void updateItem(RuntimeChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                getStyleClass().remove("choice-refused");
                return;
            }
            setText(item.label() + item.unavailableReason().map(reason -> " (unavailable)").orElse(""));
            getStyleClass().remove("choice-refused");
            if (!item.selectable()) {
                getStyleClass().add("choice-refused");
            }
            setTooltip(item.unavailableReason().map(Tooltip::new).orElse(null));
        }
    }
}
