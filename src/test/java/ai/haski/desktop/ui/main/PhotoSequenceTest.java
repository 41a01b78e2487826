package ai.haski.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class PhotoSequenceTest {
    private static final Path A = Path.of("/photos/a.jpg");
    private static final Path B = Path.of("/photos/b.jpg");
    private static final Path C = Path.of("/photos/c.jpg");

    /** The window's shown photo: what the sequence opens becomes it, as MainViewModel.open does. */
    private final SimpleObjectProperty<Path> shown = new SimpleObjectProperty<>();
    private final List<Path> opened = new ArrayList<>();
    private final PhotoSequence sequence = new PhotoSequence(shown, file -> {
        opened.add(file);
        shown.set(file);
    });

    @Test
    void stepsThroughThePhotosAndStopsAtTheEnds() {
        sequence.start(List.of(A, B, C));

        assertThat(opened).containsExactly(A);
        assertThat(sequence.positionTextProperty().get()).isEqualTo("1 of 3");
        assertThat(sequence.hasPreviousProperty().get()).isFalse();
        assertThat(sequence.hasNextProperty().get()).isTrue();

        sequence.next();
        sequence.next();
        assertThat(sequence.positionTextProperty().get()).isEqualTo("3 of 3");
        assertThat(sequence.hasNextProperty().get()).isFalse();
        sequence.next();
        assertThat(opened).containsExactly(A, B, C);

        sequence.previous();
        assertThat(shown.get()).isEqualTo(B);
        assertThat(sequence.positionTextProperty().get()).isEqualTo("2 of 3");
        assertThat(sequence.hasPreviousProperty().get()).isTrue();
    }

    @Test
    void onePhotoIsJustShown() {
        sequence.start(List.of(A));

        assertThat(opened).containsExactly(A);
        assertThat(sequence.activeProperty().get()).isFalse();
        assertThat(sequence.positionTextProperty().get()).isEmpty();
        assertThat(sequence.hasNextProperty().get()).isFalse();
        assertThat(sequence.hasPreviousProperty().get()).isFalse();
    }

    @Test
    void aPhotoOpenedFromOutsideEndsTheSequenceAndOneOfItsOwnMovesThePosition() {
        sequence.start(List.of(A, B, C));
        shown.set(C);
        assertThat(sequence.positionTextProperty().get()).isEqualTo("3 of 3");

        shown.set(Path.of("/elsewhere/dropped.jpg"));

        assertThat(sequence.activeProperty().get()).isFalse();
        assertThat(sequence.indexProperty().get()).isEqualTo(-1);
        sequence.next();
        sequence.previous();
        assertThat(opened).containsExactly(A);
    }

    @Test
    void theSamePhotoTwiceKeepsItsPlace() {
        sequence.start(List.of(A, B, A));
        sequence.next();
        sequence.next();

        assertThat(sequence.positionTextProperty().get()).isEqualTo("3 of 3");
    }

    @Test
    void nothingGivenChangesNothing() {
        sequence.start(List.of());

        assertThat(opened).isEmpty();
        assertThat(sequence.activeProperty().get()).isFalse();
    }
}
