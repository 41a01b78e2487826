import ai.haski.desktop.image.AreaResampler;
import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU time of Haski's decode (ImageLoader.load for a 224 x 224 model: scaled decode, colour, orientation) per photo,
 * and of the decode with the resize to 224 x 224 that follows it (AreaResampler, as the model's preprocessing does:
 * the step sharp's figure covers), medians of RUNS after three untimed runs. CPU time, not wall time, so that other processes on a shared machine
 * change the figure little. Run by docs/run-cpu-per-photo.sh.
 */
public class DecodeCpu {
    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ImageLoader loader = new ImageLoader();
        AreaResampler resampler = new AreaResampler();
        float[] resized = new float[224 * 224 * 3];
        int runs = Integer.parseInt(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            for (int warm = 0; warm < 3; warm++) {
                loader.load(file, 224, 224);
            }
            long[] cpu = new long[runs];
            long[] withResize = new long[runs];
            DecodedImage decoded = null;
            for (int r = 0; r < runs; r++) {
                long before = threads.getCurrentThreadCpuTime();
                decoded = loader.load(file, 224, 224);
                long decodedAt = threads.getCurrentThreadCpuTime();
                resampler.resize(decoded.image(), 0, 0, decoded.image().getWidth(), decoded.image().getHeight(),
                        224, 224, resized);
                cpu[r] = decodedAt - before;
                withResize[r] = threads.getCurrentThreadCpuTime() - before;
            }
            Arrays.sort(cpu);
            Arrays.sort(withResize);
            System.out.printf("%-34s haski decode %7.2f ms CPU, with the resize %7.2f (%s, 1/%d, %dx%d)%n",
                    file.getFileName(), cpu[runs / 2] / 1e6, withResize[runs / 2] / 1e6, decoded.decoder(),
                    decoded.subsampling(), decoded.image().getWidth(), decoded.image().getHeight());
        }
    }
}
