package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.ui.result.DisplayNames;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The bar above the photos: table or grid, and the filters (state, confidence, a head's label, or where two models
 * disagree, with the two models to compare), and how many photos are shown.
 */
final class FilterBar {
    private final PhotoTableViewModel table;

    private FilterBar(PhotoTableViewModel table) {
        this.table = table;
    }

    static Node build(PhotoTableViewModel table, ModelComparisonViewModel comparison) {
        return new FilterBar(table).layout(comparison);
    }

    private Node layout(ModelComparisonViewModel comparison) {
        ToggleGroup views = new ToggleGroup();
        ToggleButton asTable = new ToggleButton("Table");
        asTable.setId("showTable");
        ToggleButton asGrid = new ToggleButton("Grid");
        asGrid.setId("showGrid");
        asTable.setToggleGroup(views);
        asGrid.setToggleGroup(views);
        asTable.setSelected(!table.gridShownProperty().get());
        asGrid.setSelected(table.gridShownProperty().get());
        asGrid.setTooltip(new Tooltip("Show the photos as thumbnails"));
        views.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // One of the two is always chosen: clicking the chosen one again keeps it.
                old.setSelected(true);
            } else {
                table.gridShownProperty().set(now == asGrid);
            }
        });
        table.gridShownProperty().addListener((obs, was, now) -> (now ? asGrid : asTable).setSelected(true));
        for (ToggleButton button : new ToggleButton[] {asTable, asGrid}) {
            button.setFocusTraversable(false);
            button.setMinWidth(Region.USE_PREF_SIZE);
        }

        ComboBox<RowFilter> filter = new ComboBox<>();
        filter.setId("rowFilter");
        filter.getItems().setAll(table.blindedProperty().get() ? RowFilter.choosableBlind() : RowFilter.choosable());
        table.blindedProperty().addListener((obs, was, now) ->
                filter.getItems().setAll(now ? RowFilter.choosableBlind() : RowFilter.choosable()));
        filter.valueProperty().bindBidirectional(table.filterProperty());
        filter.setFocusTraversable(false);
        filter.setMinWidth(Region.USE_PREF_SIZE);
        Spinner<Double> threshold = new Spinner<>(0.0, 1.0, table.thresholdProperty().get(), 0.05);
        threshold.setPrefWidth(80);
        threshold.setEditable(true);
        threshold.valueProperty().addListener((obs, old, now) -> table.thresholdProperty().set(now));
        showOnlyFor(threshold, RowFilter.LOW_CONFIDENCE);

        ComboBox<String> head = new ComboBox<>(table.headNames());
        head.setId("labelHead");
        head.valueProperty().bindBidirectional(table.labelHeadProperty());
        head.setConverter(shownAs(DisplayNames::head));
        head.setAccessibleText("Head of the label filter");
        Label equals = new Label("=");
        ComboBox<String> label = new ComboBox<>(table.labelChoices());
        label.setId("labelValue");
        label.valueProperty().bindBidirectional(table.labelValueProperty());
        label.setConverter(shownAs(DisplayNames::label));
        label.setPromptText("label");
        label.setAccessibleText("Label of the label filter");
        showOnlyFor(head, RowFilter.LABEL);
        showOnlyFor(equals, RowFilter.LABEL);
        showOnlyFor(label, RowFilter.LABEL);

        ComboBox<ModelKey> modelA = modelChoice(comparison, "disagreeModelA", comparison.modelAProperty(),
                "First model");
        Label versus = new Label("vs");
        ComboBox<ModelKey> modelB = modelChoice(comparison, "disagreeModelB", comparison.modelBProperty(),
                "Second model");
        showOnlyFor(modelA, RowFilter.MODELS_DISAGREE);
        showOnlyFor(versus, RowFilter.MODELS_DISAGREE);
        showOnlyFor(modelB, RowFilter.MODELS_DISAGREE);

        Label cell = new Label();
        cell.setId("cellFilter");
        cell.textProperty().bind(table.cellTextProperty());
        showOnlyFor(cell, RowFilter.EVALUATION_CELL);

        Label count = new Label();
        count.setId("rowCount");
        count.textProperty().bind(table.countTextProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        Label show = new Label("Show");
        show.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, asTable, asGrid, new Separator(Orientation.VERTICAL), show, filter, threshold, head,
                equals, label, modelA, versus, modelB, cell, spacer, count);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 10, 6, 10));
        row.getStyleClass().add("session-bar");
        return row;
    }

    private static ComboBox<ModelKey> modelChoice(ModelComparisonViewModel comparison, String id,
            ObjectProperty<ModelKey> chosen, String accessible) {
        ComboBox<ModelKey> choice = new ComboBox<>(comparison.sessionModels());
        choice.setId(id);
        choice.valueProperty().bindBidirectional(chosen);
        choice.setAccessibleText(accessible);
        choice.setConverter(shownAs(model -> model.modelId() + " " + model.modelVersion() + " (" + model.format()
                + ")"));
        choice.setPromptText("model");
        choice.setPrefWidth(210);
        return choice;
    }

    /** Shows a choice as {@code text} says; the choices are never typed in. */
    private static <T> StringConverter<T> shownAs(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        };
    }

    private void showOnlyFor(Node control, RowFilter shownFor) {
        control.setFocusTraversable(false);
        control.visibleProperty().bind(table.filterProperty().isEqualTo(shownFor));
        control.managedProperty().bind(control.visibleProperty());
    }
}
