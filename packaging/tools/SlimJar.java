import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without its native libraries, unpacking the ones for this platform into a folder of the image.
 *
 * <p>Run as a single-file program (no build step, no zip tool needed):
 * {@code java SlimJar.java IN.jar OUT.jar NATIVE_DIR EXTRACT_REGEX DROP_REGEX}. Entries matching
 * {@code EXTRACT_REGEX} are written, flattened to their file names, into {@code NATIVE_DIR}; entries matching
 * {@code DROP_REGEX} (which should cover the extracted ones) are left out of {@code OUT.jar}. It fails when
 * nothing matched {@code EXTRACT_REGEX}, so a renamed folder in a new library version can't slip through.
 */
public final class SlimJar {
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: java SlimJar.java IN.jar OUT.jar NATIVE_DIR EXTRACT_REGEX DROP_REGEX");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path nativeDir = Path.of(args[2]);
        Pattern extract = Pattern.compile(args[3]);
        Pattern drop = Pattern.compile(args[4]);
        int extracted = 0;
        Files.createDirectories(nativeDir);
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (ZipFile jar = new ZipFile(in.toFile());
                ZipOutputStream slim = new ZipOutputStream(Files.newOutputStream(partial))) {
            for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory() && extract.matcher(name).matches()) {
                    Path target = nativeDir.resolve(Path.of(name).getFileName().toString());
                    try (InputStream data = jar.getInputStream(entry)) {
                        Files.copy(data, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    extracted++;
                }
                if (drop.matcher(name).matches()) {
                    continue;
                }
                slim.putNextEntry(new ZipEntry(name));
                try (InputStream data = jar.getInputStream(entry)) {
                    data.transferTo(slim);
                }
                slim.closeEntry();
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        if (extracted == 0) {
            System.err.println("SlimJar: nothing in " + in + " matched " + extract);
            System.exit(1);
        }
        System.out.printf("%s: %d native libraries -> %s, %d KB -> %d KB%n", in.getFileName(), extracted, nativeDir,
                Files.size(in) / 1024, Files.size(out) / 1024);
    }
}
