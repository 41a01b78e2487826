package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.ui.result.DisplayNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The session's photos as a table: file, review state, flag, the photo quality, two columns per head (its label and
 * confidence), the conditions and the error, and, while two models are compared, what each said. The columns share
 * the table's width (it never scrolls sideways on its own), in proportion to the widths given here.
 */
final class PhotoTable {
    private final PhotoTableViewModel rows;
    private final ModelComparisonViewModel comparison;
    private final ReviewPaneViewModel review;
    private final TableView<ReviewRow> table = new TableView<>();
    private final List<TableColumn<ReviewRow, ?>> headColumns = new ArrayList<>();

    PhotoTable(PhotoTableViewModel rows, ModelComparisonViewModel comparison, ReviewPaneViewModel review) {
        this.rows = rows;
        this.comparison = comparison;
        this.review = review;
        table.setId("sessionTable");
        table.setPlaceholder(new Label("No photos in this folder (JPEG, PNG, BMP, GIF, TIFF or WebP)"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(column("File", 120, 70, ReviewRow::file));
        table.getColumns().add(column("Review", 74, 60, row -> row.reviewState().name().toLowerCase(Locale.ROOT)));
        table.getColumns().add(column("Flag", 36, 30, row -> row.flagged() ? "⚑" : ""));
        TableColumn<ReviewRow, String> quality = column("Quality", 70, 40, ReviewRow::quality);
        quality.setId("qualityColumn");
        quality.setCellFactory(col -> new QualityCell());
        table.getColumns().add(quality);
        TableColumn<ReviewRow, String> conditions = column("Conditions", 80, 50,
                row -> conditionsText(row.conditions()));
        conditions.visibleProperty().bind(rows.blindedProperty().not());
        table.getColumns().add(conditions);
        table.getColumns().add(column("Error", 72, 40, ReviewRow::error));
        addComparisonColumns();
        rows.headNames().forEach(this::addHeadColumns);
        rows.headNames().addListener((ListChangeListener<String>) change -> {
            // Another session may have other heads: the head columns follow the list, none twice.
            table.getColumns().removeAll(headColumns);
            headColumns.clear();
            rows.headNames().forEach(this::addHeadColumns);
        });
        rows.sortedRows().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(rows.sortedRows());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                review.select(now);
            }
        });
        // A new filter keeps the selected photo selected when it is still shown (not on every row change: a batch
        // replaces rows many times a second, and finding the row is a scan).
        for (Observable changed : List.of(rows.filterProperty(), comparison.disagreementsProperty(),
                rows.labelValueProperty(), rows.thresholdProperty())) {
            changed.addListener(obs -> Platform.runLater(() -> showSelected(review.selectedProperty().get())));
        }
        review.selectedProperty().addListener((obs, old, now) -> showSelected(now));
        showSelected(review.selectedProperty().get());
    }

    TableView<ReviewRow> node() {
        return table;
    }

    /** Where two models disagree: what each said, side by side, right after the file name. */
    private void addComparisonColumns() {
        TableColumn<ReviewRow, String> heads = column("Disagree on", 150, 60, row ->
                headsText(comparison.disagreeingHeads(row)));
        heads.setId("disagreeHeadsColumn");
        TableColumn<ReviewRow, String> first = column("", 170, 60, row ->
                DisplayNames.label(comparison.firstModelLabels(row)));
        first.setId("disagreeFirstColumn");
        TableColumn<ReviewRow, String> second = column("", 170, 60, row ->
                DisplayNames.label(comparison.secondModelLabels(row)));
        second.setId("disagreeSecondColumn");
        for (TableColumn<ReviewRow, String> side : List.of(heads, first, second)) {
            side.visibleProperty().bind(rows.filterProperty().isEqualTo(RowFilter.MODELS_DISAGREE));
        }
        first.textProperty().bind(Bindings.createStringBinding(() -> shortName(comparison.modelAProperty().get()),
                comparison.modelAProperty()));
        second.textProperty().bind(Bindings.createStringBinding(() -> shortName(comparison.modelBProperty().get()),
                comparison.modelBProperty()));
        table.getColumns().add(1, heads);
        table.getColumns().add(2, first);
        table.getColumns().add(3, second);
        comparison.disagreementsProperty().addListener((obs, old, now) -> table.refresh());
    }

    /** A column header's width: the pickers above it give the version. */
    private static String shortName(ModelKey model) {
        return model == null ? "" : model.modelId() + " (" + model.format() + ")";
    }

    /** "hair_type, condition" as the heads' titles. */
    private static String headsText(String ids) {
        return ids.isEmpty() ? ids : String.join(", ", List.of(ids.split(", ")).stream().map(DisplayNames::head)
                .toList());
    }

    /** "mild_acne; eczema" as the labels' names. */
    private static String conditionsText(String ids) {
        return DisplayNames.label(ids);
    }

    private void showSelected(ReviewRow row) {
        if (row == null) {
            return;
        }
        int index = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).photoId() == row.photoId()) {
                index = i;
                break;
            }
        }
        if (index >= 0 && table.getSelectionModel().getSelectedIndex() != index) {
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(Math.max(0, index - 3));
        }
    }

    /**
     * One column per head, inserted before Conditions: its label and confidence, "oily 78%". One column rather than
     * two keeps three heads readable in a 1280 px window; it sorts by label, then by confidence.
     */
    private void addHeadColumns(String head) {
        int at = table.getColumns().size() - 2;
        TableColumn<ReviewRow, HeadCell> column = new TableColumn<>(DisplayNames.head(head));
        column.setId("head-" + head);
        column.setPrefWidth(104);
        // At least "sensitive 68%": the constrained policy squeezes columns added after the first layout to their
        // minimum, and a head column that reads "nor…" tells the reviewer nothing.
        column.setMinWidth(100);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                new HeadCell(DisplayNames.label(cell.getValue().label(head)), cell.getValue().confidence(head))));
        column.setComparator(HeadCell.ORDER);
        // Blinded reading: the model's answers are not in the table either.
        column.visibleProperty().bind(rows.blindedProperty().not());
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(HeadCell value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? "" : value.text());
            }
        });
        table.getColumns().add(at, column);
        headColumns.add(column);
    }

    /** What a head's cell shows: the model's label and its confidence (negative when the photo has no result). */
    private record HeadCell(String label, double confidence) {
        static final Comparator<HeadCell> ORDER = Comparator.comparing(HeadCell::label)
                .thenComparingDouble(HeadCell::confidence);

        String text() {
            return confidence < 0 ? label : String.format(Locale.ROOT, "%s %.0f%%", label, confidence * 100);
        }
    }

    /** A quality cell: the problems in amber, and the whole text as a tooltip, since the column is narrow. */
    private static final class QualityCell extends TableCell<ReviewRow, String> {
        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            boolean shown = !empty && value != null && !value.isEmpty();
            setText(shown ? value : null);
            setTooltip(shown ? new javafx.scene.control.Tooltip(value) : null);
            getStyleClass().remove("quality-poor");
            if (shown && !value.equals("good")) {
                getStyleClass().add("quality-poor");
            }
        }
    }

    private static TableColumn<ReviewRow, String> column(String title, double width, double least,
            Function<ReviewRow, String> value) {
        TableColumn<ReviewRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(least);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
