package ai.haski.desktop.image;

import java.nio.file.Path;

/**
 * A child process for a test that needs the loader to run without some privilege of the test's own process (root
 * reading a mode-000 file): loads {@code FILE} and prints {@code code=CODE} and {@code message=MESSAGE} for the
 * refusal, or {@code loaded} when the file decoded (other lines may be logging).
 */
public final class LoadFailureProbe {
    private LoadFailureProbe() {}

    public static void main(String[] args) {
        try {
            new ImageLoader().load(Path.of(args[0]), 224, 224);
            System.out.println("loaded");
        } catch (ImageDecodeException e) {
            System.out.println("code=" + e.code());
            System.out.println("message=" + e.getMessage());
        }
    }
}
