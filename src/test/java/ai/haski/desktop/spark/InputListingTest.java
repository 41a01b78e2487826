package ai.haski.desktop.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's --input through Hadoop's local FileSystem: a folder, a glob, text and CSV lists, and what is refused. */
class InputListingTest {
    @TempDir
    Path dir;

    private final Configuration conf = new Configuration();

    private Path folder() throws IOException {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.createDirectories(photos.resolve("2024/b"));
        Files.createDirectories(photos.resolve(".thumbnails"));
        for (String name : List.of("a.jpg", "2024/b/c.PNG", "2024/d.tif", "notes.txt", ".hidden.jpg",
                ".thumbnails/t.jpg", "._a.jpg")) {
            Files.writeString(photos.resolve(name), "x");
        }
        return photos;
    }

    private static String uri(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    @Test
    void aFolderListsItsImagesRecursivelyAsAnalyzeScansThem() throws IOException {
        Path photos = folder();
        assertThat(InputListing.list(photos.toString(), conf)).containsExactly(uri(photos.resolve("2024/b/c.PNG")),
                uri(photos.resolve("2024/d.tif")), uri(photos.resolve("a.jpg")));
    }

    @Test
    void aGlobListsWhatItMatches() throws IOException {
        Path photos = folder();
        assertThat(InputListing.list(photos + "/2024/*", conf)).containsExactly(uri(photos.resolve("2024/b/c.PNG")),
                uri(photos.resolve("2024/d.tif")));
    }

    @Test
    void listsKeepTheirOrderAndTakeRelativePathsFromTheirFolder() throws IOException {
        Path photos = folder();
        Files.writeString(dir.resolve("list.txt"), "photos/a.jpg\n\n# a comment\n" + photos.resolve("2024/d.tif")
                + "\n");
        assertThat(InputListing.list(dir.resolve("list.txt").toString(), conf))
                .containsExactly(uri(photos.resolve("a.jpg")), uri(photos.resolve("2024/d.tif")));
        Files.writeString(dir.resolve("list.csv"), "path,label\n\"photos/2024/b/c.PNG\",oily\nphotos/a.jpg,dry\n");
        assertThat(InputListing.list(dir.resolve("list.csv").toString(), conf))
                .containsExactly(uri(photos.resolve("2024/b/c.PNG")), uri(photos.resolve("a.jpg")));
    }

    @Test
    void aMissingInputOrOneWithoutPhotosIsRefusedInWords() throws IOException {
        assertThatThrownBy(() -> InputListing.list(dir.resolve("nowhere").toString(), conf))
                .hasMessageContaining("nowhere").hasMessageContaining("does not exist");
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> InputListing.list(dir.resolve("empty").toString(), conf))
                .hasMessageContaining("no photos found in");
    }

    @Test
    void aQuotedCsvCellKeepsItsCommasAndQuotes() {
        assertThat(InputListing.firstCell("\"a, \"\"b\"\".jpg\",x")).isEqualTo("a, \"b\".jpg");
        assertThat(InputListing.firstCell(" plain.jpg , y")).isEqualTo("plain.jpg");
    }
}
