package ai.haski.desktop.inference;

import java.util.Locale;

/** The operating system and processor of this machine, as the runtimes' native jars name them. */
public record NativePlatform(Os os, Arch arch) {

    /** Operating systems the runtimes ship libraries for. */
    public enum Os {
        LINUX, MAC, WINDOWS, OTHER
    }

    /** Processor families the runtimes ship libraries for. */
    public enum Arch {
        X86_64, AARCH64, OTHER
    }

    /** The platform of the running JVM. */
    public static NativePlatform current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        Os detectedOs = os.contains("linux") ? Os.LINUX
                : os.contains("mac") || os.contains("darwin") ? Os.MAC
                : os.startsWith("windows") ? Os.WINDOWS : Os.OTHER;
        Arch detectedArch = arch.equals("amd64") || arch.equals("x86_64") ? Arch.X86_64
                : arch.equals("aarch64") || arch.equals("arm64") ? Arch.AARCH64 : Arch.OTHER;
        return new NativePlatform(detectedOs, detectedArch);
    }

    /** The file name of a shared library on this OS: {@code libfoo.so}, {@code libfoo.dylib} or {@code foo.dll}. */
    public String libraryFileName(String baseName) {
        return switch (os) {
            case WINDOWS -> baseName + ".dll";
            case MAC -> "lib" + baseName + ".dylib";
            default -> "lib" + baseName + ".so";
        };
    }

    @Override
    public String toString() {
        return os.name().toLowerCase(Locale.ROOT) + "-" + arch.name().toLowerCase(Locale.ROOT);
    }
}
