package ai.haski.desktop.ui.main;

import ai.haski.desktop.ui.models.ModelChoice;
import ai.haski.desktop.ui.models.ModelsViewModel;
import ai.haski.desktop.ui.models.RuntimeChoice;
import ai.haski.desktop.ui.session.SessionViewModel;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The menu bar: File, Session, Model, View and Help, each item with a mnemonic and the common ones with a shortcut. */
final class MainMenu {
    private final MainViewModel viewModel;
    private final MainActions actions;
    private final Menu modelMenu = new Menu("_Model");

    MainMenu(MainViewModel viewModel, MainActions actions) {
        this.viewModel = viewModel;
        this.actions = actions;
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(fileMenu(), sessionMenu(), modelMenu(), viewMenu(), helpMenu());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu fileMenu() {
        MenuItem open = item("_Open photo…", shortcut(KeyCode.O), viewModel::openPhoto);
        MenuItem paste = item("_Paste photo", shortcut(KeyCode.V), actions::paste);
        MenuItem save = item("_Save result…", shortcut(KeyCode.S), viewModel::saveResultAs);
        MenuItem copy = item("_Copy result as JSON",
                new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                viewModel::copyResult);
        save.disableProperty().bind(viewModel.canSaveResultProperty().not());
        copy.disableProperty().bind(viewModel.canCopyResultProperty().not());
        MenuItem quit = item("_Quit", shortcut(KeyCode.Q), actions::quit);
        MenuItem folder = item("Open _folder…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), viewModel::openFolder);
        MenuItem export = item("_Export session…", shortcut(KeyCode.E), actions::exportSession);
        export.disableProperty().bind(viewModel.session().sessionProperty().isNull());
        return new Menu("_File", null, open, folder, paste, new SeparatorMenuItem(), save, copy, export,
                new SeparatorMenuItem(), quit);
    }

    private Menu sessionMenu() {
        SessionViewModel session = viewModel.session();
        MenuItem show = item("_Show the session", null, actions::backToSession);
        MenuItem analyse = item("_Analyse all photos", shortcut(KeyCode.R), session::startBatch);
        MenuItem pause = item("_Pause or resume the batch", null, session::togglePause);
        MenuItem cancel = item("_Cancel the batch", null, session::cancelBatch);
        MenuItem reviewer = item("_Reviewer name…", null, actions::reviewerName);
        CheckMenuItem blinded = new CheckMenuItem("_Blinded reading");
        blinded.setId("blindedReading");
        blinded.setSelected(session.blindedProperty().get());
        session.blindedProperty().addListener((obs, was, now) -> blinded.setSelected(now));
        // The item shows the session's mode: a change that is refused or still saving leaves it as the mode is.
        blinded.setOnAction(event -> {
            boolean wanted = blinded.isSelected();
            blinded.setSelected(session.blindedProperty().get());
            session.setBlinded(wanted);
        });
        blinded.disableProperty().bind(session.sessionProperty().isNull());
        MenuItem evaluate = item("_Evaluate…", null, actions::evaluate);
        evaluate.setId("evaluateSession");
        evaluate.disableProperty().bind(session.sessionProperty().isNull());
        MenuItem importResults = item("_Import results…", null, session::importResults);
        importResults.disableProperty().bind(session.sessionProperty().isNull().or(session.batchRunningProperty()));
        show.disableProperty().bind(session.sessionProperty().isNull());
        analyse.disableProperty().bind(session.sessionProperty().isNull().or(session.batchRunningProperty()));
        pause.disableProperty().bind(session.batchRunningProperty().not());
        cancel.disableProperty().bind(session.batchRunningProperty().not());
        return new Menu("_Session", null, show, new SeparatorMenuItem(), analyse, pause, cancel,
                new SeparatorMenuItem(), blinded, evaluate, importResults, reviewer);
    }

    /** Lists the packages and the active package's runtimes; rebuilt whenever they change. */
    private Menu modelMenu() {
        ModelsViewModel models = viewModel.models();
        models.modelChoices().addListener((ListChangeListener<ModelChoice>) change -> rebuildModelMenu());
        models.runtimeChoices().addListener((ListChangeListener<RuntimeChoice>) change -> rebuildModelMenu());
        models.activeModelChoiceProperty().addListener((obs, old, now) -> rebuildModelMenu());
        models.activeRuntimeChoiceProperty().addListener((obs, old, now) -> rebuildModelMenu());
        models.loadingProperty().addListener((obs, old, now) -> rebuildModelMenu());
        rebuildModelMenu();
        return modelMenu;
    }

    private void rebuildModelMenu() {
        ModelsViewModel models = viewModel.models();
        modelMenu.getItems().clear();
        ToggleGroup modelGroup = new ToggleGroup();
        for (ModelChoice choice : models.modelChoices()) {
            if (choice.selectable()) {
                RadioMenuItem item = new RadioMenuItem(choice.title() + "  (" + choice.detail() + ")");
                item.setMnemonicParsing(false);
                item.setToggleGroup(modelGroup);
                item.setSelected(choice.equals(models.activeModelChoiceProperty().get()));
                item.setDisable(models.isLoading());
                item.setOnAction(event -> models.chooseModel(choice));
                modelMenu.getItems().add(item);
            } else {
                MenuItem refused = new MenuItem(choice.title() + ": " + shorten(choice.refusedReason().orElse("")));
                refused.setMnemonicParsing(false);
                refused.setOnAction(event -> models.chooseModel(choice));
                refused.getStyleClass().add("choice-refused");
                modelMenu.getItems().add(refused);
            }
        }
        if (models.modelChoices().isEmpty()) {
            MenuItem none = new MenuItem("No model packages found");
            none.setDisable(true);
            modelMenu.getItems().add(none);
        }
        modelMenu.getItems().addAll(new SeparatorMenuItem(),
                item("_Add model…", null, viewModel::addModel),
                item("_Remove…", null, viewModel::removeModel),
                item("Show _folder", null, viewModel.modelManager()::showFolder),
                item("Re_load model folders", null, viewModel.modelManager()::reload));
        if (!models.runtimeChoices().isEmpty()) {
            modelMenu.getItems().add(new SeparatorMenuItem());
            ToggleGroup runtimeGroup = new ToggleGroup();
            for (RuntimeChoice choice : models.runtimeChoices()) {
                RadioMenuItem item = new RadioMenuItem("Runtime: " + choice.label()
                        + choice.unavailableReason().map(reason -> " (unavailable: " + shorten(reason) + ")").orElse(""));
                item.setMnemonicParsing(false);
                item.setToggleGroup(runtimeGroup);
                item.setSelected(choice.equals(models.activeRuntimeChoiceProperty().get()));
                item.setDisable(models.isLoading());
                item.setOnAction(event -> models.chooseRuntime(choice));
                modelMenu.getItems().add(item);
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 89) + "…";
    }

    private Menu viewMenu() {
        Menu view = new Menu("_View", null,
                item("Zoom _in", shortcut(KeyCode.EQUALS), actions::zoomIn),
                item("Zoom _out", shortcut(KeyCode.MINUS), actions::zoomOut),
                item("_Actual size (1:1)", shortcut(KeyCode.DIGIT1), actions::actualSize),
                item("_Fit to window", shortcut(KeyCode.DIGIT0), actions::fitToWindow), new SeparatorMenuItem(),
                faceBoxesItem(), new SeparatorMenuItem());
        view.getItems().addAll(PhotoSequenceView.menuItems(viewModel.sequence()));
        return view;
    }

    private CheckMenuItem faceBoxesItem() {
        CheckMenuItem item = new CheckMenuItem("Show _face boxes");
        item.setId("showFaceBoxes");
        item.setMnemonicParsing(true);
        item.selectedProperty().bindBidirectional(viewModel.result().faces().showBoxesProperty());
        return item;
    }

    private Menu helpMenu() {
        return new Menu("_Help", null,
                item("_Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1), viewModel::keyboardShortcuts),
                item("Open _log folder", null, viewModel::openLogFolder),
                item("_About Haski Desktop", null, viewModel::about));
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(true);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
}
