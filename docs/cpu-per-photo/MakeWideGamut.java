import ai.haski.desktop.WideGamutPhotos;
import java.nio.file.Path;

/**
 * Writes a photo through an ICC profile as a profile-tagged JPEG, as the tests make their wide-gamut JPEGs
 * (WideGamutPhotos, in the test classes). Usage: MakeWideGamut PHOTO PROFILE.icc TARGET.jpg
 */
public class MakeWideGamut {
    public static void main(String[] args) throws Exception {
        WideGamutPhotos.write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    }
}
