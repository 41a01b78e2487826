package ai.haski.desktop.ui.models;

import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.ui.models.AddModelViewModel.Field;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Add model dialog: layout and bindings over an {@link AddModelViewModel}. Each field has its problem right
 * under it, in red, while the user types; Import is enabled only when the importer finds none.
 */
public final class AddModelView {
    public static final String TITLE = "Add model";
    private static final String AUTOMATIC = "Automatic (from the shape)";

    private final AddModelViewModel viewModel;
    private final Stage stage = new Stage();
    private final GridPane grid = new GridPane();
    private int row;

    public AddModelView(AddModelViewModel viewModel, Window owner) {
        this.viewModel = viewModel;
        stage.setTitle(TITLE);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        grid.getStyleClass().add("add-model-form");
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(14, 18, 14, 18));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(130);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        filesRow();
        tensorsRow();
        identityRows();
        headsRow();
        inputRow();
        sampleRow();
        otherRow();

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("add-model-scroll");
        BorderPane root = new BorderPane(scroll);
        root.getStyleClass().add("add-model");
        root.setTop(header());
        root.setBottom(footer());
        Scene scene = new Scene(root, 820, 760);
        scene.getStylesheets().add(AddModelView.class.getResource("/ai/haski/desktop/ui/haski.css").toExternalForm());
        scene.getStylesheets().add(AddModelView.class.getResource("add-model.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(520);
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private Node header() {
        Label title = new Label("Import an exported network as a model package");
        title.getStyleClass().add("add-model-title");
        Label text = new Label("Choose its .onnx and/or .tflite file (two files must be exports of the same network). "
                + "The runtimes read its real inputs and outputs; fill in what they cannot say. It is checked as you "
                + "type, written to your models folder and proved by its own test vector, as the command line's "
                + "\"models import\" does.");
        text.setWrapText(true);
        VBox box = new VBox(4, title, text);
        box.getStyleClass().add("add-model-header");
        return box;
    }

    private void filesRow() {
        Label files = new Label();
        files.setId("addModelFiles");
        files.setWrapText(true);
        files.textProperty().bind(Bindings.createStringBinding(() -> viewModel.files().isEmpty() ? "No file chosen"
                : viewModel.files().stream().map(Path::toString).collect(Collectors.joining("\n")), viewModel.files()));
        Button choose = new Button("Choose files…");
        choose.setId("addModelChooseFiles");
        choose.setOnAction(event -> chooseFiles());
        choose.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, choose, files);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(files, Priority.ALWAYS);
        add("Weights files", line, choose, Field.FILES);
    }

    private void tensorsRow() {
        TextArea tensors = new TextArea();
        tensors.setId("addModelTensors");
        tensors.getStyleClass().add("add-model-tensors");
        tensors.setEditable(false);
        tensors.setPrefRowCount(4);
        tensors.setWrapText(false);
        tensors.textProperty().bind(Bindings.when(Bindings.isEmpty(viewModel.tensorsTextProperty()))
                .then("Inputs and outputs appear here once a file is read.")
                .otherwise(viewModel.tensorsTextProperty()));
        tensors.setAccessibleText("Inputs and outputs found in the files");
        add("Found in the files", tensors, tensors, null);
    }

    private void identityRows() {
        add("Id", text("addModelId", viewModel.idProperty(), "lower-case letters, digits, . _ -"), null, Field.ID);
        add("Name", text("addModelName", viewModel.nameProperty(), "shown in the Model picker"), null, Field.NAME);
        add("Version", text("addModelVersion", viewModel.versionProperty(), "1.0.0"), null, Field.VERSION);
        add("Licence", text("addModelLicence", viewModel.licenceProperty(), "unknown"), null, null);
    }

    private void headsRow() {
        TextArea heads = new TextArea();
        heads.setId("addModelHeads");
        heads.setPrefRowCount(4);
        heads.textProperty().bindBidirectional(viewModel.headsTextProperty());
        // A prompt shows one line only.
        heads.setPromptText("One head a line, in output order, e.g.  skin_type: normal, dry, oily");
        heads.setAccessibleText("Heads and their labels, one head a line");
        Button load = new Button("Load labels file…");
        load.setId("addModelLoadLabels");
        load.setOnAction(event -> chooseLabels());
        load.setMinWidth(Region.USE_PREF_SIZE);
        Label source = new Label();
        source.getStyleClass().add("add-model-hint");
        source.setWrapText(true);
        source.textProperty().bind(Bindings.createStringBinding(() -> switch (viewModel.headsSourceProperty().get()) {
            case FILE -> "From " + viewModel.labelsFileProperty().get() + ". Typing here replaces the file's heads "
                    + "with single-label ones.";
            case TYPED -> "Typed here: each head takes the next values of the output, softmax, single label.";
            case DEFAULT -> "None given: a 14-value output gets the Haski heads; any other needs labels.";
        }, viewModel.headsSourceProperty(), viewModel.labelsFileProperty()));
        HBox buttons = new HBox(10, load, source);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(source, Priority.ALWAYS);
        add("Heads and labels", new VBox(6, heads, buttons), heads, Field.LABELS);
    }

    private void inputRow() {
        TextField width = text("addModelWidth", viewModel.widthProperty(), null);
        width.promptTextProperty().bind(viewModel.proposedWidthProperty());
        width.setPrefColumnCount(5);
        width.setAccessibleText("Input width in pixels; empty for the model's own");
        TextField height = text("addModelHeight", viewModel.heightProperty(), null);
        height.promptTextProperty().bind(viewModel.proposedHeightProperty());
        height.setPrefColumnCount(5);
        height.setAccessibleText("Input height in pixels; empty for the model's own");
        ComboBox<String> layout = new ComboBox<>();
        layout.setId("addModelLayout");
        // Strings, not the enum: a ComboBox cannot select a null item, and "from the shape" is no layout.
        layout.getItems().addAll(AUTOMATIC, TensorLayout.NCHW.name(), TensorLayout.NHWC.name());
        layout.setValue(viewModel.layoutProperty().get() == null ? AUTOMATIC : viewModel.layoutProperty().get().name());
        layout.valueProperty().addListener((obs, old, now) -> viewModel.layoutProperty()
                .set(now == null || now.equals(AUTOMATIC) ? null : TensorLayout.valueOf(now)));
        viewModel.layoutProperty().addListener((obs, old, now) -> layout.setValue(now == null ? AUTOMATIC : now.name()));
        layout.setAccessibleText("Input layout");
        TextField mean = text("addModelMean", viewModel.meanProperty(), "ImageNet: 0.485, 0.456, 0.406");
        TextField std = text("addModelStd", viewModel.stdProperty(), "ImageNet: 0.229, 0.224, 0.225");
        HBox size = new HBox(6, new Label("Size"), width, new Label("x"), height, new Label("  Layout"), layout);
        size.setAlignment(Pos.CENTER_LEFT);
        GridPane norm = new GridPane();
        norm.setHgap(6);
        norm.setVgap(4);
        norm.addRow(0, new Label("Mean"), mean);
        norm.addRow(1, new Label("Std"), std);
        GridPane.setHgrow(mean, Priority.ALWAYS);
        Label proposed = new Label();
        proposed.setId("addModelProposedInput");
        proposed.getStyleClass().add("add-model-hint");
        proposed.textProperty().bind(Bindings.when(Bindings.isEmpty(viewModel.proposedInputProperty()))
                .then("Empty fields take the model's own size and layout, and ImageNet normalisation (0..1 first).")
                .otherwise(Bindings.concat("Proposed: ", viewModel.proposedInputProperty())));
        proposed.setWrapText(true);
        add("Input", new VBox(6, size, norm, proposed), width, Field.INPUT);
    }

    private void sampleRow() {
        Label sample = new Label();
        sample.setWrapText(true);
        sample.textProperty().bind(Bindings.createStringBinding(() -> viewModel.sampleProperty().get() == null
                ? "The bundled reference test image" : viewModel.sampleProperty().get().toString(),
                viewModel.sampleProperty()));
        Button choose = new Button("Choose image…");
        choose.setId("addModelChooseSample");
        choose.setOnAction(event -> chooseSample());
        choose.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, choose, sample);
        line.setAlignment(Pos.CENTER_LEFT);
        add("Sample image", line, choose, Field.SAMPLE);
    }

    private void otherRow() {
        CheckBox active = new CheckBox("Make it the active model after the import");
        active.setId("addModelMakeActive");
        active.selectedProperty().bindBidirectional(viewModel.makeActiveProperty());
        add("", active, active, Field.OTHER);
    }

    private Node footer() {
        Label status = new Label();
        status.setId("addModelStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusTextProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.proposingProperty().or(viewModel.importingProperty()));
        busy.managedProperty().bind(busy.visibleProperty());
        HBox statusLine = new HBox(8, busy, status);
        statusLine.setAlignment(Pos.CENTER_LEFT);

        Label result = new Label();
        result.setId("addModelResult");
        result.getStyleClass().add("add-model-result");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.resultTextProperty());
        result.visibleProperty().bind(Bindings.isNotEmpty(viewModel.resultTextProperty()));
        result.managedProperty().bind(result.visibleProperty());

        Button importButton = new Button("Import");
        importButton.setId("addModelImport");
        importButton.setDefaultButton(true);
        importButton.disableProperty().bind(viewModel.canImportProperty().not());
        importButton.setOnAction(event -> viewModel.importModel());
        Button close = new Button("Close");
        close.setId("addModelClose");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        ButtonBar.setButtonData(importButton, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(importButton, close);

        VBox footer = new VBox(8, statusLine, result, buttons);
        footer.getStyleClass().add("add-model-footer");
        return footer;
    }

    /** One form row: the label, the control(s), and the field's problem under them (hidden while there is none). */
    private void add(String labelText, Node content, Node labelled, Field problemField) {
        Label label = new Label(labelText);
        label.getStyleClass().add("add-model-label");
        if (labelled != null) {
            label.setLabelFor(labelled);
        }
        GridPane.setValignment(label, VPos.TOP);
        grid.add(label, 0, row);
        grid.add(content, 1, row);
        row++;
        if (problemField != null) {
            Label problem = new Label();
            problem.setId("problem" + problemField.name());
            problem.getStyleClass().add("field-problem");
            problem.setWrapText(true);
            problem.textProperty().bind(viewModel.problemProperty(problemField));
            problem.accessibleTextProperty().bind(viewModel.problemProperty(problemField));
            problem.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problemProperty(problemField)));
            problem.managedProperty().bind(problem.visibleProperty());
            grid.add(problem, 1, row);
            row++;
        }
        // A little air between rows, without a gap under rows whose problem is hidden.
        GridPane.setMargin(content, new Insets(6, 0, 0, 0));
        GridPane.setMargin(label, new Insets(10, 0, 0, 0));
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        if (prompt != null) {
            field.setPromptText(prompt);
        }
        return field;
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the model's weights (.onnx and/or .tflite)");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("ONNX or TensorFlow Lite", "*.onnx", "*.tflite", "*.ONNX", "*.TFLITE"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(stage);
        if (chosen != null && !chosen.isEmpty()) {
            viewModel.chooseFiles(chosen.stream().map(File::toPath).toList());
        }
    }

    private void chooseLabels() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the labels file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            viewModel.chooseLabelsFile(chosen.toPath());
        }
    }

    private void chooseSample() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a sample image of the kind the model is for");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png",
                "*.JPG", "*.JPEG", "*.PNG", "*.bmp", "*.tif", "*.tiff", "*.webp"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            viewModel.sampleProperty().set(chosen.toPath());
        }
    }

}
