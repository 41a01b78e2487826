package ai.haski.desktop.platform;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Run in a fresh JVM by {@link NativeHeapTuningTest}: applies the tuning (unless told "off"), then asks for a 4 MB
 * block, frees it, asks again, and prints whether each came from its own mapping. A fresh process matters: in a JVM
 * that has already freed large blocks, glibc serves even a tuned request from free space in its arenas.
 */
public final class MallocProbe {
    /** glibc marks a chunk served by its own mapping with this bit of the size word just before the block. */
    private static final long IS_MMAPPED = 0x2;

    private MallocProbe() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("off")) {
            System.setProperty(NativeHeapTuning.SWITCH_PROPERTY, "off");
        }
        String done = NativeHeapTuning.apply();
        int size = 4 * 1024 * 1024;
        boolean first;
        try (Memory block = new Memory(size)) {
            first = mapped(block);
        }
        boolean second;
        try (Memory block = new Memory(size)) {
            second = mapped(block);
        }
        boolean small;
        try (Memory block = new Memory(1024)) {
            small = mapped(block);
        }
        System.out.println("tuning=" + done);
        System.out.println("first=" + first + " second=" + second + " small=" + small);
    }

    private static boolean mapped(Memory block) {
        return (new Pointer(Pointer.nativeValue(block) - Long.BYTES).getLong(0) & IS_MMAPPED) != 0;
    }
}
