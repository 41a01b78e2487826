package ai.haski.desktop.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's peak memory: resident set (what the OS charged, native runtimes included) where Linux tells it,
 * and the Java heap's peak.
 */
public final class PeakMemory {
    private PeakMemory() {}

    /** Peak resident set size in bytes ({@code VmHWM}), on Linux. */
    public static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc is hidden: only the heap figure is available.
        }
        return OptionalLong.empty();
    }

    /** The sum of the heap pools' peak usage, in bytes. */
    public static long heapBytes() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }
}
