package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.PhotoQuery;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session table's Quality column and its "Poor photo quality" filter, on real photos the real model analysed. */
class PhotoTableQualityTest {
    @TempDir
    Path temp;

    @Test
    void theQualityColumnNamesThePoorPhotosProblemsAndTheFilterKeepsOnlyThem() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("clinic"));
        Files.copy(TestFiles.photo("skimage_astronaut.png"), folder.resolve("astronaut.png"));
        BufferedImage small = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        small.createGraphics().drawImage(ImageIO.read(TestFiles.photo("skimage_astronaut.png").toFile()), 0, 0, 80,
                60, null);
        ImageIO.write(small, "png", folder.resolve("astronaut-thumbnail.png").toFile());

        SimpleObjectProperty<Map<Long, DisagreementText.Sides>> none = new SimpleObjectProperty<>(Map.of());
        PhotoTableViewModel table = new PhotoTableViewModel(none);
        try (Analyzer analyzer = TestAnalyzers.over(SharedEngine.loader().load(SharedEngine.reference(), List.of(),
                1), new ImageLoader());
                Session session = Session.open(folder, temp.resolve("t" + SessionFiles.EXTENSION))) {
            session.rescan();
            for (Photo photo : session.photos().all()) {
                session.results().save(photo, analyzer.analyze(photo.resolveIn(session.root())),
                        analyzer.provenance(), photo.sizeBytes(), photo.modifiedMillis());
            }
            List<ReviewRow> rows = session.listing().list(PhotoQuery.all()).rows().stream()
                    .map(row -> ReviewRow.of(row, Optional.of(ModelKey.of(analyzer.provenance())))).toList();
            table.show(rows, RowSummary.of(rows));
        }

        assertThat(table.rows()).extracting(ReviewRow::file, ReviewRow::quality).containsExactly(
                org.assertj.core.groups.Tuple.tuple("astronaut-thumbnail.png", "low resolution"),
                org.assertj.core.groups.Tuple.tuple("astronaut.png", "good"));
        table.filterProperty().set(RowFilter.POOR_QUALITY);
        assertThat(table.sortedRows()).extracting(ReviewRow::file).containsExactly("astronaut-thumbnail.png");
    }
}
