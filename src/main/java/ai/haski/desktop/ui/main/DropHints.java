package ai.haski.desktop.ui.main;

import ai.haski.desktop.ui.drop.DropCheck;
import ai.haski.desktop.ui.drop.DropContent;
import ai.haski.desktop.ui.drop.DropVerdict;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the main window says while something is dragged over it: what a drop would do, or why it is refused. */
final class DropHints {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "dropHint", "");
    private final ReadOnlyBooleanWrapper refusal = new ReadOnlyBooleanWrapper(this, "dropHintRefusal");

    /** Judges the dragged content and shows the verdict while the drag lasts. */
    DropVerdict judge(DropContent content) {
        DropVerdict verdict = DropCheck.check(content);
        text.set(verdict.message());
        refusal.set(!verdict.accepted());
        return verdict;
    }

    void clear() {
        text.set("");
        refusal.set(false);
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }
}
