package ai.haski.desktop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class NativeHeapTuningTest {
    @Test
    void aLargeBlockFreedAndAskedForAgainStillGetsItsOwnMapping() throws Exception {
        // glibc's default raises its threshold when the first block is freed and serves the second from an arena,
        // where freed space stays resident; with the threshold fixed both are mapped, and unmapped on free. Each
        // check runs in a fresh JVM, as the app's main applies the tuning before anything allocates.
        List<String> tuned = probe("on");
        List<String> untuned = probe("off");

        assertThat(tuned).contains("first=true second=true small=false");
        assertThat(tuned.get(0)).startsWith("tuning=glibc malloc: blocks from 128 KB");
        assertThat(untuned).as("without the tuning the check must see the difference")
                .contains("first=true second=false small=false");
    }

    private static List<String> probe(String tuning) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                MallocProbe.class.getName(), tuning).redirectErrorStream(true).start();
        List<String> lines;
        try (var out = process.getInputStream()) {
            lines = new String(out.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe finished").isTrue();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines.stream().filter(line -> line.startsWith("tuning=") || line.startsWith("first=")).toList();
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
