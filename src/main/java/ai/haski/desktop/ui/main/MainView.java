package ai.haski.desktop.ui.main;

import ai.haski.desktop.ui.drop.DropContent;
import ai.haski.desktop.ui.drop.DropTarget;
import ai.haski.desktop.ui.evaluation.EvaluationWindow;
import ai.haski.desktop.ui.models.AddModelView;
import ai.haski.desktop.ui.models.ModelPickerView;
import ai.haski.desktop.ui.notice.NoticeBar;
import ai.haski.desktop.ui.photo.ArgbPixels;
import ai.haski.desktop.ui.photo.FxPictures;
import ai.haski.desktop.ui.photo.PhotoViewer;
import ai.haski.desktop.ui.photo.RegionOverlay;
import ai.haski.desktop.ui.result.ExplainPanel;
import ai.haski.desktop.ui.result.ExplainViewModel;
import ai.haski.desktop.ui.result.FaceBoxOverlay;
import ai.haski.desktop.ui.result.HeatOverlay;
import ai.haski.desktop.ui.result.ResultView;
import ai.haski.desktop.ui.session.SessionView;
import ai.haski.desktop.ui.session.SessionViewModel;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The main window's layout and bindings: menu, model pickers, the not-for-clinical-use banner, notices, the photo
 * (a drop target), the results, and the status bar. It holds no state of its own beyond the controls.
 */
public final class MainView implements MainActions {
    /** The title of Model > Remove…'s choice, then of its confirmation. */
    public static final String REMOVE_TITLE = ModelRemoval.TITLE;
    public static final String REMOVE_CONFIRM_TITLE = ModelRemoval.CONFIRM_TITLE;

    private final MainViewModel viewModel;
    private final ExplainViewModel explain;
    private final Stage stage;
    private final PhotoViewer photo = new PhotoViewer();
    private final BorderPane root = new BorderPane();
    private final SessionView sessionView;
    private Node photoContent;
    private EvaluationWindow evaluation;

    public MainView(MainViewModel viewModel, ExplainViewModel explain, Stage stage) {
        this.viewModel = viewModel;
        this.explain = explain;
        this.stage = stage;
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(new MainMenu(viewModel, this).build(), toolbar(), banner(),
                new NoticeBar(viewModel.noticeProperty(), viewModel::dismissNotice)));
        photoContent = content();
        root.setCenter(photoContent);
        root.setBottom(statusBar());
        DropTarget.install(root, viewModel);
        SessionViewModel session = viewModel.session();
        sessionView = new SessionView(session);
        // The session replaces the single photo when a folder is opened; opening a photo brings the photo back.
        session.sessionProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showSession();
                if (session.reviewerProperty().get().isBlank()) {
                    Platform.runLater(this::reviewerName);
                }
            }
        });
        viewModel.currentFileProperty().addListener((obs, old, now) -> showPhoto());
        viewModel.setAddModelWindow(dialog -> new AddModelView(dialog, stage).show());
    }

    private void showSession() {
        root.setCenter(sessionView.root());
        sessionView.focusTable();
        viewModel.sessionShown(true);
    }

    private void showPhoto() {
        root.setCenter(photoContent);
        viewModel.sessionShown(false);
    }

    public SessionView sessionView() {
        return sessionView;
    }

    public Parent root() {
        return root;
    }

    public PhotoViewer photoViewer() {
        return photo;
    }

    private HBox toolbar() {
        Button open = new Button("Open photo…");
        open.setOnAction(event -> viewModel.openPhoto());
        open.setAccessibleText("Open a photo (Ctrl+O)");
        open.setTooltip(new Tooltip("Open a photo (Ctrl+O)"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button folder = new Button("Open folder…");
        folder.setId("openFolder");
        folder.setOnAction(event -> viewModel.openFolder());
        folder.setTooltip(new Tooltip("Open a folder of photos as a review session (Ctrl+Shift+O)"));
        Button analyseFace = new Button("Face");
        analyseFace.setId("analyseFace");
        analyseFace.setOnAction(event -> viewModel.region().selectLargestFace());
        analyseFace.disableProperty().bind(viewModel.pictureProperty().isNull());
        analyseFace.setTooltip(new Tooltip("Analyse only the largest face the face detector finds, with the model's "
                + "margin around it (Esc: the whole photo again)"));
        ToggleButton selectRegion = new ToggleButton("Select region");
        selectRegion.setId("selectRegion");
        selectRegion.selectedProperty().bindBidirectional(viewModel.region().selectingProperty());
        selectRegion.setTooltip(new Tooltip("Drag a box on the photo to analyse only that part (or drag with Shift "
                + "held); drag a corner to adjust it; Esc analyses the whole photo again"));
        HBox bar = new HBox(10, open, folder, new Separator(Orientation.VERTICAL),
                new ModelPickerView(viewModel.models()), new Separator(Orientation.VERTICAL), selectRegion,
                analyseFace, spacer);
        bar.getStyleClass().add("tool-bar-row");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Red, bold and at the top: nobody should read a result of an unvalidated model as medical advice. */
    private Label banner() {
        Label banner = new Label();
        banner.setId("clinicalBanner");
        banner.getStyleClass().add("clinical-banner");
        banner.textProperty().bind(viewModel.models().bannerTextProperty());
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(Bindings.isNotEmpty(banner.textProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        banner.accessibleTextProperty().bind(banner.textProperty());
        return banner;
    }

    /** Over the photo's bottom left: the analysed region's pixels and how to clear it, or why a box was refused. */
    private Label regionText() {
        Label text = new Label();
        text.setId("regionText");
        text.textProperty().bind(viewModel.region().textProperty());
        text.setStyle("-fx-background-color: rgba(0, 0, 0, 0.65); -fx-text-fill: white; -fx-padding: 4 8 4 8;");
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.setMouseTransparent(true);
        text.visibleProperty().bind(Bindings.isNotEmpty(text.textProperty()));
        StackPane.setAlignment(text, Pos.BOTTOM_LEFT);
        StackPane.setMargin(text, new Insets(10));
        return text;
    }

    private SplitPane content() {
        Label message = new Label();
        message.setId("pictureMessage");
        message.getStyleClass().add("picture-message");
        message.textProperty().bind(viewModel.pictureMessageProperty());
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.visibleProperty().bind(viewModel.pictureProperty().isNull());

        Label hint = new Label();
        hint.setId("dropHint");
        hint.getStyleClass().add("drop-hint");
        hint.textProperty().bind(viewModel.dropHintProperty());
        hint.setWrapText(true);
        hint.setMaxWidth(560);
        hint.visibleProperty().bind(Bindings.isNotEmpty(viewModel.dropHintProperty()));
        viewModel.dropHintRefusalProperty().addListener((obs, was, refused) -> {
            hint.getStyleClass().remove("drop-hint-refused");
            if (refused) {
                hint.getStyleClass().add("drop-hint-refused");
            }
        });
        StackPane.setAlignment(hint, Pos.TOP_CENTER);
        StackPane.setMargin(hint, new Insets(16));

        photo.setId("photoViewer");
        photo.pictureProperty().bind(viewModel.pictureProperty());
        photo.addEventHandler(KeyEvent.KEY_PRESSED, this::zoomKeys);
        HBox sequence = PhotoSequenceView.bar(viewModel.sequence());
        StackPane.setAlignment(sequence, Pos.BOTTOM_CENTER);
        StackPane.setMargin(sequence, new Insets(10));
        photo.overlayProperty().set(new Group(new HeatOverlay(explain.mapProperty(), explain.opacityProperty()),
                new RegionOverlay(viewModel.region().shownProperty(), photo.zoomProperty(), true),
                new FaceBoxOverlay(viewModel.result().faces())));
        RegionGestures.install(photo, viewModel.region());
        ExplainPanel explainPanel = new ExplainPanel(explain);
        StackPane.setAlignment(explainPanel, Pos.TOP_LEFT);
        StackPane.setMargin(explainPanel, new Insets(10));
        Label regionText = regionText();
        StackPane photoPane = new StackPane(photo, message, hint, sequence, explainPanel, regionText);
        photoPane.setId("photoPane");
        photoPane.getStyleClass().add("photo-pane");
        photoPane.setMinWidth(300);

        ResultView results = new ResultView(viewModel.result(), viewModel::copyResult, viewModel::saveResultAs,
                explain);
        SplitPane split = new SplitPane(photoPane, results);
        split.setDividerPositions(0.62);
        // The results keep a readable width (bars of a 4K-wide pane say nothing more); the photo takes the rest,
        // and keeps it when the window is resized.
        SplitPane.setResizableWithParent(results, false);
        split.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                double width = now.doubleValue();
                if (width > 0) {
                    double resultWidth = Math.max(360, Math.min(560, width * 0.38));
                    split.setDividerPositions(1 - resultWidth / width);
                    split.widthProperty().removeListener(this);
                }
            }
        });
        return split;
    }

    private void zoomKeys(KeyEvent event) {
        if (event.isShortcutDown()) {
            return;
        }
        KeyCode code = event.getCode();
        if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            zoomIn();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            zoomOut();
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            fitToWindow();
        } else if (code == KeyCode.DIGIT1 || code == KeyCode.NUMPAD1) {
            actualSize();
        } else {
            return;
        }
        event.consume();
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(viewModel.statusTextProperty());
        bar.progressProperty().bind(Bindings.when(viewModel.busyProperty()).then(-1.0).otherwise(0.0));
        Label model = statusLabel("statusModel", viewModel.models().modelTextProperty());
        Label runtime = statusLabel("statusRuntime", viewModel.models().runtimeTextProperty());
        Label selfCheck = statusLabel("statusSelfCheck", viewModel.models().selfCheckTextProperty());
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(viewModel.models().selfCheckDetailProperty());
        detail.setWrapText(true);
        detail.setMaxWidth(600);
        selfCheck.setTooltip(detail);
        viewModel.models().selfCheckProperty().addListener((obs, old, now) -> {
            selfCheck.getStyleClass().removeAll("self-check-passed", "self-check-failed", "self-check-running");
            switch (now) {
                case PASSED -> selfCheck.getStyleClass().add("self-check-passed");
                case FAILED -> selfCheck.getStyleClass().add("self-check-failed");
                case RUNNING -> selfCheck.getStyleClass().add("self-check-running");
                default -> { }
            }
        });
        Label last = statusLabel("statusLastAnalysis", viewModel.lastAnalysisTextProperty());
        bar.getRightItems().addAll(model, new Separator(Orientation.VERTICAL), runtime,
                new Separator(Orientation.VERTICAL), selfCheck,
                new Separator(Orientation.VERTICAL), last);
        return bar;
    }

    private static Label statusLabel(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(text);
        label.getStyleClass().add("status-item");
        // The status text on the left may be cut short; the model, runtime and self-check never.
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    // ---- commands ------------------------------------------------------------------------------------------

    @Override
    public void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        DropContent content = DropTarget.contentOf(clipboard);
        Optional<ArgbPixels> image = content.files().isEmpty() && content.hasImage()
                ? FxPictures.pixelsOf(clipboard.getImage()) : Optional.empty();
        viewModel.use(content, image, "pasted");
    }

    @Override
    public void quit() {
        stage.close();
    }

    @Override
    public void zoomIn() {
        photo.zoomIn();
    }

    @Override
    public void zoomOut() {
        photo.zoomOut();
    }

    @Override
    public void actualSize() {
        photo.actualSize();
    }

    @Override
    public void fitToWindow() {
        photo.fitToWindow();
    }

    @Override
    public void backToSession() {
        if (viewModel.session().sessionProperty().get() != null) {
            showSession();
        }
    }

    @Override
    public void exportSession() {
        viewModel.session().exportSession();
    }

    /** Session > Evaluate…: the evaluation window, made the first time it is asked for. */
    @Override
    public void evaluate() {
        if (evaluation == null) {
            evaluation = new EvaluationWindow(viewModel.session().evaluation(), stage,
                    MainWindow.class.getResource("/ai/haski/desktop/ui/haski.css").toExternalForm());
        }
        evaluation.show();
    }

    @Override
    public void reviewerName() {
        viewModel.session().askReviewerName();
    }
}
