package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import ai.haski.desktop.catalog.ProblemList.Refused;
import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.InferenceException;
import ai.haski.desktop.inference.PreprocessSpec;
import ai.haski.desktop.inference.Preprocessor;
import ai.haski.desktop.model.TensorInfo;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ManifestRules;
import ai.haski.desktop.model.OutputSpec;
import ai.haski.desktop.model.TensorLayout;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test vector: the sample image resized to the input as the package's {@code test-input.png}, what each file
 * computes for it, the outputs' real shapes read from those values, and the tolerance the package will check with.
 */
final class SampleVector {
    static final String TEST_IMAGE = "test-input.png";

    private final ProblemList problems;

    SampleVector(ProblemList problems) {
        this.problems = problems;
    }

    /** The test image's PNG bytes and the pixels the loader's check will see, decoded from those bytes. */
    record TestImage(byte[] png, BufferedImage pixels) {}

    TestImage image(Path sample, InputSpec input) throws Refused {
        ImageLoader images = new ImageLoader();
        try {
            DecodedImage decoded = images.load(sample, input.width(), input.height());
            BufferedImage resized = new BufferedImage(input.width(), input.height(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = resized.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(decoded.image(), 0, 0, input.width(), input.height(), null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            if (!javax.imageio.ImageIO.write(resized, "png", png)) {
                throw new IOException("no PNG writer");
            }
            // Run exactly what the loader's check will: the PNG as the image loader decodes it.
            Path temp = Files.createTempFile("haski-import-", ".png");
            try {
                Files.write(temp, png.toByteArray());
                return new TestImage(png.toByteArray(), images.load(temp, input.width(), input.height()).image());
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (ImageDecodeException e) {
            throw problems.refuse("sample", Code.SAMPLE_UNDECODABLE, sample, e.getMessage());
        } catch (IOException e) {
            throw problems.refuse("sample", Code.SAMPLE_UNWRITABLE, sample, e.getMessage());
        }
    }

    /** The file's raw outputs for the image, by the file's own output names; empty (with a problem) if it fails. */
    Map<String, float[]> run(ProbedFile l, InputSpec input, TensorLayout layout, BufferedImage image) {
        PreprocessSpec spec = PreprocessSpec.of(input, layout);
        ByteBuffer tensor = ByteBuffer.allocateDirect(spec.tensorSize() * Float.BYTES).order(ByteOrder.nativeOrder());
        new Preprocessor().toTensor(image, spec, tensor.asFloatBuffer());
        try {
            return l.model().run(tensor, input.shape(layout));
        } catch (InferenceException | RuntimeException e) {
            problems.add("weights." + l.format().id(), Code.DOES_NOT_RUN, l.file(), e.getMessage());
            return Map.of();
        }
    }

    /** The manifest's outputs: the file's tensors, dynamic axes settled by the number of values each gave. */
    List<OutputSpec> outputs(ProbedFile l, Map<String, float[]> values) {
        List<OutputSpec> outputs = new ArrayList<>();
        List<TensorInfo> infos = l.model().outputs();
        for (int i = 0; i < infos.size(); i++) {
            TensorInfo info = infos.get(i);
            float[] data = values.get(info.name());
            if (data == null) {
                problems.add("outputs[" + i + "]", Code.OUTPUT_GAVE_NOTHING, l.file(), info.name());
                continue;
            }
            long[] shape = info.shape();
            if (shape.length == 0) {
                shape = new long[] {data.length};
            }
            if (shape[0] <= 0) {
                shape[0] = 1;
            }
            long known = 1;
            int dynamicAxis = -1;
            int dynamicCount = 0;
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] <= 0) {
                    dynamicAxis = d;
                    dynamicCount++;
                } else {
                    known *= shape[d];
                }
            }
            if (dynamicCount > 1) {
                problems.add("outputs[" + i + "].shape", Code.OUTPUT_DYNAMIC_AXES, l.file(), info);
                continue;
            }
            if (dynamicCount == 1) {
                shape[dynamicAxis] = data.length / known;
            }
            long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            if (count != data.length) {
                problems.add("outputs[" + i + "].shape", Code.OUTPUT_VALUE_COUNT, l.file(), info, data.length);
                continue;
            }
            outputs.add(new OutputSpec(info.name(), shape, ManifestRules.TENSOR_DTYPE));
        }
        return outputs;
    }

    /** A file's outputs under the manifest's names, paired by name or else by position. */
    Map<String, float[]> pair(ProbedFile l, ProbedFile first, List<OutputSpec> outputs, Map<String, float[]> values) {
        Map<String, float[]> paired = new LinkedHashMap<>();
        List<TensorInfo> infos = l.model().outputs();
        if (infos.size() != outputs.size()) {
            problems.add("outputs", Code.OUTPUT_COUNTS_DIFFER, l.file(), infos.size(), infos, first.file(),
                    outputs.size());
            return paired;
        }
        boolean byName = outputs.stream().allMatch(o -> values.containsKey(o.name()));
        for (int i = 0; i < outputs.size(); i++) {
            OutputSpec out = outputs.get(i);
            float[] data = byName ? values.get(out.name()) : values.get(infos.get(i).name());
            if (data == null || data.length != out.elementCount()) {
                problems.add("outputs[" + i + "].shape", Code.OUTPUT_VALUES_DIFFER, l.file(), i + 1,
                        data == null ? null : data.length, first.file(), out.elementCount());
                continue;
            }
            paired.put(out.name(), data);
        }
        return paired;
    }

    /**
     * The test vector's tolerance. Float: a little above what thread counts and SIMD paths change; quantised: half
     * an output step; two formats: at least what they may differ by. Never above what a manifest allows.
     */
    static double tolerance(List<ProbedFile> loaded, Map<String, float[]> expected, double agreement) {
        double maxAbs = 0;
        for (float[] values : expected.values()) {
            for (float v : values) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        double tol = Math.max(2e-4, 1e-5 * maxAbs);
        for (ProbedFile l : loaded) {
            for (TensorInfo out : l.model().outputs()) {
                if (out.quantization().isPresent()) {
                    tol = Math.max(tol, out.quantization().scale() / 2.0);
                }
            }
        }
        if (loaded.size() == 2) {
            tol = Math.max(tol, agreement);
        }
        return Math.min(ManifestRules.MAX_TOLERANCE, tol);
    }
}
