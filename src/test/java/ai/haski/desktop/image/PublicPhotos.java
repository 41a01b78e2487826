package ai.haski.desktop.image;

import ai.haski.desktop.TestFiles;
import java.nio.file.Path;

/** The public test photos fetched by {@code tools/fetch-public-photos.sh}; a missing one skips the test and says why. */
final class PublicPhotos {
    private PublicPhotos() {}

    static Path photo(String name) {
        return TestFiles.photo(name);
    }
}
