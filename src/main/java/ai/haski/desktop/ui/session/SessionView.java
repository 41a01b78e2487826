package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.ui.photo.PhotoViewer;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The session screen: the batch bar (progress, pause, cancel), the table of photos with a filter, and the review
 * pane of the selected photo, driven by the keys of {@link SessionKeys}. Layout and bindings only.
 */
public final class SessionView {
    private final SessionViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TableView<ReviewRow> table = new TableView<>();
    private final ThumbnailGrid grid;
    private final List<TableColumn<ReviewRow, ?>> headColumns = new java.util.ArrayList<>();
    private final PhotoViewer photo = new PhotoViewer();
    private final VBox headsBox = new VBox(6);
    private final TextArea note = new TextArea();
    private boolean swallowNextTyped;

    public SessionView(SessionViewModel viewModel) {
        this.viewModel = viewModel;
        this.grid = new ThumbnailGrid(viewModel);
        root.setId("sessionView");
        root.getStyleClass().add("session-view");
        root.setTop(new VBox(batchBar(), filterBar()));
        Node shownTable = table();
        Node shownGrid = grid.node();
        shownTable.visibleProperty().bind(viewModel.gridShownProperty().not());
        shownGrid.visibleProperty().bind(viewModel.gridShownProperty());
        SplitPane split = new SplitPane(new StackPane(shownTable, shownGrid), reviewPane());
        split.setId("sessionSplit");
        split.setDividerPositions(0.55);
        root.setCenter(split);
        root.setBottom(statusBar());
        viewModel.gridShownProperty().addListener((obs, was, now) -> focusTable());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        // The E that moves the focus into the note must not also be typed into it.
        root.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (swallowNextTyped) {
                swallowNextTyped = false;
                event.consume();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Puts the keyboard focus on the table (or the grid, when shown), where the review keys work. */
    public void focusTable() {
        if (viewModel.gridShownProperty().get()) {
            grid.node().requestFocus();
        } else {
            table.requestFocus();
        }
    }

    private Node batchBar() {
        Label folder = new Label();
        folder.setId("sessionFolder");
        folder.getStyleClass().add("session-folder");
        folder.textProperty().bind(Bindings.createStringBinding(() -> lastPart(viewModel.folderTextProperty().get()),
                viewModel.folderTextProperty()));
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(viewModel.folderTextProperty());
        folder.setTooltip(whole);
        folder.setMinWidth(60);
        folder.setMaxWidth(220);

        Button analyse = new Button("Analyse all");
        analyse.setId("analyseAll");
        analyse.setTooltip(new Tooltip("Analyse every photo the active model has not analysed yet"));
        analyse.setOnAction(event -> viewModel.startBatch());
        analyse.disableProperty().bind(viewModel.batchRunningProperty().or(viewModel.sessionProperty().isNull()));
        analyse.setFocusTraversable(false);

        Button pause = new Button();
        pause.setId("pauseBatch");
        pause.textProperty().bind(Bindings.when(viewModel.batchPausedProperty()).then("Resume").otherwise("Pause"));
        pause.setOnAction(event -> viewModel.togglePause());
        pause.disableProperty().bind(viewModel.batchRunningProperty().not());
        pause.setFocusTraversable(false);

        Button cancel = new Button("Cancel");
        cancel.setId("cancelBatch");
        cancel.setOnAction(event -> viewModel.cancelBatch());
        cancel.disableProperty().bind(viewModel.batchRunningProperty().not());
        cancel.setFocusTraversable(false);

        ProgressBar bar = new ProgressBar();
        bar.setId("batchProgress");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setPrefWidth(180);
        Label progress = new Label();
        progress.setId("batchProgressText");
        progress.textProperty().bind(viewModel.progressTextProperty());
        progress.setMinWidth(Region.USE_PREF_SIZE);

        for (Region fixed : new Region[] {analyse, pause, cancel}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setMinWidth(80);
        progress.setMinWidth(80);
        HBox row = new HBox(8, folder, new Separator(Orientation.VERTICAL), analyse, pause, cancel, bar, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 10, 6, 10));
        row.getStyleClass().add("session-bar");
        return row;
    }

    /** Table or grid, and the filters: state, confidence, a head's label, or where two models disagree. */
    private Node filterBar() {
        ToggleGroup views = new ToggleGroup();
        ToggleButton asTable = new ToggleButton("Table");
        asTable.setId("showTable");
        ToggleButton asGrid = new ToggleButton("Grid");
        asGrid.setId("showGrid");
        asTable.setToggleGroup(views);
        asGrid.setToggleGroup(views);
        asTable.setSelected(!viewModel.gridShownProperty().get());
        asGrid.setSelected(viewModel.gridShownProperty().get());
        asGrid.setTooltip(new Tooltip("Show the photos as thumbnails"));
        views.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // One of the two is always chosen: clicking the chosen one again keeps it.
                old.setSelected(true);
            } else {
                viewModel.gridShownProperty().set(now == asGrid);
            }
        });
        viewModel.gridShownProperty().addListener((obs, was, now) -> (now ? asGrid : asTable).setSelected(true));
        for (ToggleButton button : new ToggleButton[] {asTable, asGrid}) {
            button.setFocusTraversable(false);
            button.setMinWidth(Region.USE_PREF_SIZE);
        }

        ComboBox<RowFilter> filter = new ComboBox<>();
        filter.setId("rowFilter");
        filter.getItems().setAll(RowFilter.values());
        filter.valueProperty().bindBidirectional(viewModel.filterProperty());
        filter.setFocusTraversable(false);
        filter.setMinWidth(Region.USE_PREF_SIZE);
        Spinner<Double> threshold = new Spinner<>(0.0, 1.0, viewModel.thresholdProperty().get(), 0.05);
        threshold.setPrefWidth(80);
        threshold.setEditable(true);
        threshold.valueProperty().addListener((obs, old, now) -> viewModel.thresholdProperty().set(now));
        showOnlyFor(threshold, RowFilter.LOW_CONFIDENCE);

        ComboBox<String> head = new ComboBox<>(viewModel.headNames());
        head.setId("labelHead");
        head.valueProperty().bindBidirectional(viewModel.labelHeadProperty());
        head.setAccessibleText("Head of the label filter");
        Label equals = new Label("=");
        ComboBox<String> label = new ComboBox<>(viewModel.labelChoices());
        label.setId("labelValue");
        label.valueProperty().bindBidirectional(viewModel.labelValueProperty());
        label.setPromptText("label");
        label.setAccessibleText("Label of the label filter");
        showOnlyFor(head, RowFilter.LABEL);
        showOnlyFor(equals, RowFilter.LABEL);
        showOnlyFor(label, RowFilter.LABEL);

        ComboBox<ModelKey> modelA = modelChoice("disagreeModelA", viewModel.modelAProperty(), "First model");
        Label versus = new Label("vs");
        ComboBox<ModelKey> modelB = modelChoice("disagreeModelB", viewModel.modelBProperty(), "Second model");
        showOnlyFor(modelA, RowFilter.MODELS_DISAGREE);
        showOnlyFor(versus, RowFilter.MODELS_DISAGREE);
        showOnlyFor(modelB, RowFilter.MODELS_DISAGREE);

        Label count = new Label();
        count.setId("rowCount");
        count.textProperty().bind(viewModel.countTextProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        Label show = new Label("Show");
        show.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, asTable, asGrid, new Separator(Orientation.VERTICAL), show, filter, threshold, head,
                equals, label, modelA, versus, modelB, spacer, count);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 10, 6, 10));
        row.getStyleClass().add("session-bar");
        return row;
    }

    private ComboBox<ModelKey> modelChoice(String id, javafx.beans.property.ObjectProperty<ModelKey> chosen,
            String accessible) {
        ComboBox<ModelKey> choice = new ComboBox<>(viewModel.sessionModels());
        choice.setId(id);
        choice.valueProperty().bindBidirectional(chosen);
        choice.setAccessibleText(accessible);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelKey model) {
                return model == null ? "" : modelName(model);
            }

            @Override
            public ModelKey fromString(String text) {
                return null;
            }
        });
        choice.setPromptText("model");
        choice.setPrefWidth(210);
        return choice;
    }

    static String modelName(ModelKey model) {
        return model.modelId() + " " + model.modelVersion() + " (" + model.format() + ")";
    }

    /** A column header's width: the pickers above it give the version. */
    static String shortModelName(ModelKey model) {
        return model.modelId() + " (" + model.format() + ")";
    }

    private void showOnlyFor(Node control, RowFilter shownFor) {
        control.setFocusTraversable(false);
        control.visibleProperty().bind(viewModel.filterProperty().isEqualTo(shownFor));
        control.managedProperty().bind(control.visibleProperty());
    }

    /** Counts on the left, the active model on the right. */
    private Node statusBar() {
        Label counts = new Label();
        counts.setId("sessionStatus");
        counts.textProperty().bind(viewModel.statusTextProperty());
        Label model = new Label();
        model.setId("sessionModel");
        model.textProperty().bind(viewModel.activeModelTextProperty());
        model.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, counts, spacer, model);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(3, 10, 3, 10));
        row.getStyleClass().add("session-status");
        return row;
    }

    private Node table() {
        table.setId("sessionTable");
        table.setPlaceholder(new Label("No photos in this folder (JPEG, PNG, BMP, GIF, TIFF or WebP)"));
        table.getColumns().add(column("File", 190, ReviewRow::file));
        table.getColumns().add(column("Review", 85, row -> row.reviewState().name().toLowerCase(Locale.ROOT)));
        table.getColumns().add(column("Flag", 45, row -> row.flagged() ? "⚑" : ""));
        table.getColumns().add(column("Conditions", 110, ReviewRow::conditions));
        table.getColumns().add(column("Error", 110, ReviewRow::error));
        // Where two models disagree: what each said, side by side, right after the file name.
        TableColumn<ReviewRow, String> heads = column("Disagree on", 190, viewModel::disagreeingHeads);
        heads.setId("disagreeHeadsColumn");
        TableColumn<ReviewRow, String> first = column("", 205, viewModel::firstModelLabels);
        first.setId("disagreeFirstColumn");
        TableColumn<ReviewRow, String> second = column("", 205, viewModel::secondModelLabels);
        second.setId("disagreeSecondColumn");
        for (TableColumn<ReviewRow, String> side : List.of(heads, first, second)) {
            side.visibleProperty().bind(viewModel.filterProperty().isEqualTo(RowFilter.MODELS_DISAGREE));
        }
        first.textProperty().bind(Bindings.createStringBinding(() -> viewModel.modelAProperty().get() == null ? ""
                : shortModelName(viewModel.modelAProperty().get()), viewModel.modelAProperty()));
        second.textProperty().bind(Bindings.createStringBinding(() -> viewModel.modelBProperty().get() == null ? ""
                : shortModelName(viewModel.modelBProperty().get()), viewModel.modelBProperty()));
        table.getColumns().add(1, heads);
        table.getColumns().add(2, first);
        table.getColumns().add(3, second);
        viewModel.disagreementsProperty().addListener((obs, old, now) -> table.refresh());
        // A new filter keeps the selected photo selected when it is still shown (not on every row change: a batch
        // replaces rows many times a second, and finding the row is a scan).
        for (javafx.beans.Observable changed : List.of(viewModel.filterProperty(), viewModel.disagreementsProperty(),
                viewModel.labelValueProperty(), viewModel.thresholdProperty())) {
            changed.addListener(obs -> javafx.application.Platform.runLater(() ->
                    showSelected(viewModel.selectedProperty().get())));
        }
        viewModel.headNames().forEach(this::addHeadColumns);
        viewModel.headNames().addListener((ListChangeListener<String>) change -> {
            // Another session may have other heads: the head columns follow the list, none twice.
            table.getColumns().removeAll(headColumns);
            headColumns.clear();
            viewModel.headNames().forEach(this::addHeadColumns);
        });
        viewModel.sortedRows().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(viewModel.sortedRows());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.select(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> showSelected(now));
        showSelected(viewModel.selectedProperty().get());
        return table;
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

    /** Two columns per head, inserted before Error: its label and its confidence (sortable as a number). */
    private void addHeadColumns(String head) {
        int at = table.getColumns().size() - 2;
        TableColumn<ReviewRow, String> label = column(head, 110, row -> row.label(head));
        table.getColumns().add(at, label);
        TableColumn<ReviewRow, Number> confidence = new TableColumn<>("%");
        confidence.setPrefWidth(50);
        confidence.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().confidence(head)));
        confidence.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null || value.doubleValue() < 0 ? ""
                        : String.format(Locale.ROOT, "%.0f%%", value.doubleValue() * 100));
            }
        });
        table.getColumns().add(at + 1, confidence);
        headColumns.add(label);
        headColumns.add(confidence);
    }

    private static String lastPart(String path) {
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }

    private static TableColumn<ReviewRow, String> column(String title, double width,
            Function<ReviewRow, String> value) {
        TableColumn<ReviewRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private Node reviewPane() {
        Label message = new Label();
        message.textProperty().bind(viewModel.pictureMessageProperty());
        message.setWrapText(true);
        message.visibleProperty().bind(viewModel.pictureProperty().isNull());
        photo.pictureProperty().bind(viewModel.pictureProperty());
        photo.setFocusTraversable(false);
        StackPane picture = new StackPane(photo, message);
        picture.getStyleClass().add("photo-pane");
        picture.setMinHeight(200);
        VBox.setVgrow(picture, Priority.ALWAYS);

        Label name = new Label();
        name.setId("reviewFile");
        name.getStyleClass().add("review-file");
        name.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null ? ""
                : viewModel.selectedProperty().get().file() + " · "
                + viewModel.selectedProperty().get().reviewState().name().toLowerCase(Locale.ROOT),
                viewModel.selectedProperty()));
        Label reviewText = new Label();
        reviewText.setId("reviewText");
        reviewText.setWrapText(true);
        reviewText.textProperty().bind(viewModel.reviewTextProperty());
        reviewText.getStyleClass().add("review-made-by");

        viewModel.heads().addListener((ListChangeListener<HeadReview>) change -> rebuildHeads());
        viewModel.focusedHeadProperty().addListener((obs, old, now) -> rebuildHeads());
        headsBox.setId("reviewHeads");

        note.setId("reviewNote");
        note.setPromptText("Note (E to write, Esc to leave; saved when you leave it)");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        viewModel.noteTextProperty().addListener((obs, old, now) -> note.setText(now));
        note.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                viewModel.saveNote(note.getText());
            }
        });
        Label reviewer = new Label();
        reviewer.textProperty().bind(Bindings.createStringBinding(() -> viewModel.reviewerProperty().get().isBlank()
                ? "Reviewer: not set (Session > Reviewer name…)" : "Reviewer: " + viewModel.reviewerProperty().get(),
                viewModel.reviewerProperty()));
        reviewer.getStyleClass().add("review-made-by");
        Label keys = new Label("A accept all · 1-9 override focused head · H/L head · F flag · N next unreviewed · "
                + "J/K next/previous");
        keys.setWrapText(true);
        keys.getStyleClass().add("review-keys");

        VBox details = new VBox(8, name, reviewText, headsBox, note, reviewer, keys);
        details.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.setMinHeight(220);
        SplitPane pane = new SplitPane(picture, scroll);
        pane.setOrientation(Orientation.VERTICAL);
        pane.setDividerPositions(0.5);
        return pane;
    }

    private void rebuildHeads() {
        headsBox.getChildren().clear();
        int focused = viewModel.focusedHeadProperty().get();
        for (int i = 0; i < viewModel.heads().size(); i++) {
            HeadReview head = viewModel.heads().get(i);
            Label title = new Label((i == focused ? "▶ " : "   ") + head.head() + ": " + head.topLabel()
                    + String.format(Locale.ROOT, " (%.0f%%)", head.topProbability() * 100));
            title.getStyleClass().add("review-head-title");
            Label verdict = new Label(head.verdictText() + (head.verdictCount() > 1
                    ? " · " + head.verdictCount() + " verdicts" : ""));
            verdict.setId("verdict-" + head.head().replace(' ', '-'));
            verdict.getStyleClass().add(head.current().isPresent() ? "review-verdict-given" : "review-verdict-none");
            if (!head.history().isEmpty()) {
                verdict.setTooltip(new Tooltip("History, oldest first:\n" + head.history()));
            }
            StringBuilder labels = new StringBuilder();
            for (int n = 0; n < head.labels().size() && n < 9; n++) {
                labels.append(n == 0 ? "" : "   ").append(n + 1).append(' ').append(head.labels().get(n));
            }
            Label choices = new Label(labels.toString());
            choices.setWrapText(true);
            choices.getStyleClass().add("review-labels");
            VBox box = new VBox(2, title, verdict, choices);
            box.getStyleClass().add(i == focused ? "review-head-focused" : "review-head");
            box.setPadding(new Insets(4, 6, 4, 6));
            final int index = i;
            box.setOnMouseClicked(event -> viewModel.focusedHeadProperty().set(index));
            headsBox.getChildren().add(box);
        }
    }

    /** The review keys work anywhere in the session screen except while typing a note. */
    private void keys(KeyEvent event) {
        if (event.isShortcutDown() || event.isAltDown() || event.isControlDown() || event.isMetaDown()) {
            return;
        }
        if (event.getTarget() instanceof TextInputControl || note.isFocused()) {
            if (event.getCode() == KeyCode.ESCAPE) {
                table.requestFocus();
                event.consume();
            }
            return;
        }
        if (event.getTarget() instanceof ComboBox<?> || event.getTarget() instanceof Spinner<?>) {
            return;
        }
        KeyCode code = event.getCode();
        boolean handled = true;
        switch (code) {
            case J, DOWN -> viewModel.next();
            case K, UP -> viewModel.previous();
            case N -> viewModel.nextUnreviewed();
            case A, ENTER -> viewModel.acceptAll();
            case L, RIGHT -> viewModel.focusNextHead();
            case H, LEFT -> viewModel.focusPreviousHead();
            case F -> viewModel.toggleFlag();
            case P -> viewModel.togglePause();
            case E -> {
                swallowNextTyped = true;
                note.requestFocus();
            }
            default -> {
                int number = digit(code);
                if (number > 0) {
                    viewModel.overrideFocused(number);
                } else {
                    handled = false;
                }
            }
        }
        if (handled) {
            event.consume();
        }
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char last = name.charAt(name.length() - 1);
            return Character.isDigit(last) ? last - '0' : -1;
        }
        return -1;
    }
}
