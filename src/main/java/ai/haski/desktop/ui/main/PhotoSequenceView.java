package ai.haski.desktop.ui.main;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The controls of a {@link PhotoSequence}: small Previous / "2 of 5" / Next buttons by the photo, and menu items. */
final class PhotoSequenceView {
    /** Alt+arrows, as in browsers and file viewers; plain arrows and Page keys belong to the session table. */
    static final KeyCombination NEXT_KEY = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
    static final KeyCombination PREVIOUS_KEY = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);

    private PhotoSequenceView() {}

    /** The bar shown at the photo's foot while there are several photos; it takes only its own size. */
    static HBox bar(PhotoSequence sequence) {
        Button previous = button("‹ Previous", "previousPhoto", "Previous photo (" + PREVIOUS_KEY.getDisplayText() + ")",
                sequence::previous);
        previous.disableProperty().bind(sequence.hasPreviousProperty().not());
        Button next = button("Next ›", "nextPhoto", "Next photo (" + NEXT_KEY.getDisplayText() + ")", sequence::next);
        next.disableProperty().bind(sequence.hasNextProperty().not());
        Label position = new Label();
        position.setId("photoPosition");
        position.textProperty().bind(sequence.positionTextProperty());
        position.accessibleTextProperty().bind(sequence.positionTextProperty());
        HBox bar = new HBox(8, previous, position, next);
        bar.setId("photoSequence");
        bar.getStyleClass().add("photo-sequence");
        bar.setAlignment(Pos.CENTER);
        bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        bar.visibleProperty().bind(sequence.activeProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** "Next photo" and "Previous photo", disabled at the ends (and so are their keys). */
    static List<MenuItem> menuItems(PhotoSequence sequence) {
        MenuItem next = new MenuItem("_Next photo");
        next.setAccelerator(NEXT_KEY);
        next.setOnAction(event -> sequence.next());
        next.disableProperty().bind(sequence.hasNextProperty().not());
        MenuItem previous = new MenuItem("Pre_vious photo");
        previous.setAccelerator(PREVIOUS_KEY);
        previous.setOnAction(event -> sequence.previous());
        previous.disableProperty().bind(sequence.hasPreviousProperty().not());
        return List.of(next, previous);
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }
}
