package ai.haski.desktop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libheif's and libavif's own command-line tools, which make the HEIC and AVIF files the tests decode and decode them
 * independently to PNG. A missing tool fails the test with the package to install (CI installs them), never skips.
 */
public final class HeifTools {
    private HeifTools() {}

    /** {@code heif-enc [options] -o target source}: HEIC by default, AVIF with {@code -A}. */
    public static Path heifEnc(Path source, Path target, String... options) {
        List<String> command = new ArrayList<>(List.of(tool("heif-enc", "libheif-examples")));
        command.addAll(List.of(options));
        command.addAll(List.of("-o", target.toString(), source.toString()));
        run(command, target);
        return target;
    }

    /** {@code avifenc [options] source target}. */
    public static Path avifenc(Path source, Path target, String... options) {
        List<String> command = new ArrayList<>(List.of(tool("avifenc", "libavif-bin")));
        command.addAll(List.of(options));
        command.addAll(List.of(source.toString(), target.toString()));
        run(command, target);
        return target;
    }

    /** libheif's own decode of {@code heif} to a PNG: the reference a HEIC or AVIF decode must match. */
    public static Path heifConvertToPng(Path heif, Path png) {
        run(List.of(tool("heif-convert", "libheif-examples"), heif.toString(), png.toString()), png);
        return png;
    }

    private static String tool(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(name + " is not installed; the HEIC/AVIF tests need it: apt-get install " + debianPackage);
    }

    private static void run(List<String> command, Path expectedOutput) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 120 s");
            }
            // heif-convert exits 0 even when libpng refused to write the PNG (an "incorrect sRGB profile"), leaving
            // an empty file; an empty output is a failure whatever the exit status.
            if (process.exitValue() != 0 || !Files.isRegularFile(expectedOutput) || Files.size(expectedOutput) == 0) {
                fail(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            fail("could not run " + command.get(0) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while running " + command.get(0));
        }
    }
}
