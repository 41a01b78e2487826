package ai.haski.desktop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class NativeHeapTuningTest {
    /** glibc marks a chunk served by its own mapping with this bit of the size word just before the block. */
    private static final long IS_MMAPPED = 0x2;

    @Test
    void aLargeBlockFreedAndAskedForAgainStillGetsItsOwnMapping() {
        String done = NativeHeapTuning.apply();
        assertThat(done).startsWith("glibc malloc: blocks from 128 KB");

        // glibc's default would raise its threshold when the first block is freed and serve the second from an
        // arena, where freed space stays resident; with the threshold fixed both are mapped, and unmapped on free.
        int size = 4 * 1024 * 1024;
        try (Memory first = new Memory(size)) {
            assertThat(chunkSizeWord(first) & IS_MMAPPED).isEqualTo(IS_MMAPPED);
        }
        try (Memory second = new Memory(size)) {
            assertThat(chunkSizeWord(second) & IS_MMAPPED).isEqualTo(IS_MMAPPED);
        }
        // Small blocks still come from the arenas.
        try (Memory small = new Memory(1024)) {
            assertThat(chunkSizeWord(small) & IS_MMAPPED).isZero();
        }
    }

    private static long chunkSizeWord(Memory block) {
        return new Pointer(Pointer.nativeValue(block) - Long.BYTES).getLong(0);
    }

    @Test
    void theSwitchLeavesMallocAlone() {
        String saved = System.setProperty(NativeHeapTuning.SWITCH_PROPERTY, "off");
        try {
            assertThat(NativeHeapTuning.apply()).isEqualTo(
                    "glibc malloc left at its defaults (switched off by -Dhaski.malloc.tuning=off)");
        } finally {
            if (saved == null) {
                System.clearProperty(NativeHeapTuning.SWITCH_PROPERTY);
            } else {
                System.setProperty(NativeHeapTuning.SWITCH_PROPERTY, saved);
            }
        }
    }
}
