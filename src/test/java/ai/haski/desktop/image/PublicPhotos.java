package ai.haski.desktop.image;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public test photos fetched by {@code ../shared/corpus/fetch-public-photos.sh}; a missing one fails loudly. */
final class PublicPhotos {
    private PublicPhotos() {}

    static Path photo(String name) {
        String configured = System.getProperty("haski.photos");
        Path folder = configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "haski-public-photos");
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("Public test photo " + file + " is missing; run ../shared/corpus/fetch-public-photos.sh "
                    + "(or point -Dhaski.photos at the folder it filled)");
        }
        return file;
    }
}
