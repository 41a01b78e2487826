package ai.haski.desktop.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Photos given together (several on the command line), shown one at a time: Next and Previous step through them
 * and "2 of 5" says where. Opening a photo from outside the sequence (a drop, File > Open) ends it. Called on the UI
 * thread.
 */
public final class PhotoSequence {
    private final Consumer<Path> opener;
    private List<Path> photos = List.of();
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final BooleanBinding active = size.greaterThan(1);
    private final BooleanBinding hasNext = active.and(index.lessThan(size.subtract(1)));
    private final BooleanBinding hasPrevious = active.and(index.greaterThan(0));
    private final StringBinding positionText = Bindings.createStringBinding(
            () -> active.get() ? (index.get() + 1) + " of " + size.get() : "", index, size);

    /**
     * @param shownFile the photo the window shows, which the sequence follows
     * @param opener    shows a photo (the window's usual open)
     */
    public PhotoSequence(ObservableValue<Path> shownFile, Consumer<Path> opener) {
        this.opener = opener;
        shownFile.addListener((obs, old, now) -> follow(now));
    }

    /** Shows the first of {@code photos}; with more than one, Next steps to the others. */
    public void start(List<Path> photos) {
        if (photos.isEmpty()) {
            return;
        }
        this.photos = List.copyOf(photos);
        index.set(0);
        size.set(this.photos.size());
        opener.accept(this.photos.get(0));
    }

    public void next() {
        if (hasNext.get()) {
            show(index.get() + 1);
        }
    }

    public void previous() {
        if (hasPrevious.get()) {
            show(index.get() - 1);
        }
    }

    private void show(int at) {
        index.set(at);
        opener.accept(photos.get(at));
    }

    /** A photo opened some other way: one of ours moves the position there, any other ends the sequence. */
    private void follow(Path shown) {
        if (shown == null || (index.get() >= 0 && shown.equals(photos.get(index.get())))) {
            return;
        }
        int at = photos.indexOf(shown);
        if (at >= 0) {
            index.set(at);
        } else {
            photos = List.of();
            size.set(0);
            index.set(-1);
        }
    }

    /** True while there are several photos to step through. */
    public BooleanBinding activeProperty() {
        return active;
    }

    public BooleanBinding hasNextProperty() {
        return hasNext;
    }

    public BooleanBinding hasPreviousProperty() {
        return hasPrevious;
    }

    /** Where the shown photo is, e.g. "2 of 5"; empty when there is no sequence. */
    public StringBinding positionTextProperty() {
        return positionText;
    }

    /** The shown photo's place, from 0; -1 when there is no sequence. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }
}
