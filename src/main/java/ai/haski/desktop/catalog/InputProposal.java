package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import ai.haski.desktop.catalog.ProblemList.Refused;
import ai.haski.desktop.model.TensorInfo;
import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ManifestRules;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ResizeMode;
import ai.haski.desktop.model.TensorLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest's input from what the files declare and what the request settles: one image tensor, its layout
 * per file, its size, and the normalisation (ImageNet's unless the request gives another).
 */
final class InputProposal {
    /** ImageNet normalisation, the default (torchvision and most exports). */
    static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
    /** The largest side a request may give an input with a dynamic size. */
    private static final int MAX_SIDE = 4096;

    private final ImportRequest request;
    private final ModelProbe probe;
    private final ProblemList problems;

    InputProposal(ImportRequest request, ModelProbe probe, ProblemList problems) {
        this.request = request;
        this.probe = probe;
        this.problems = problems;
    }

    /** The input; each file's layout goes into {@code layouts}. */
    InputSpec propose(List<ProbedFile> loaded, Map<ModelFormat, TensorLayout> layouts) throws Refused {
        Integer width = null;
        Integer height = null;
        String inputName = null;
        for (ProbedFile l : loaded) {
            List<TensorInfo> inputs = l.model().inputs();
            if (inputs.size() != 1) {
                problems.add("input", Code.INPUT_COUNT, l.file(), inputs.size(), inputs);
                continue;
            }
            TensorInfo in = inputs.get(0);
            probe.checkType(l, in, "input");
            long[] shape = in.shape();
            if (shape.length != 4) {
                problems.add("input", Code.INPUT_NOT_IMAGE, l.file(), in);
                continue;
            }
            if (shape[0] > 1) {
                problems.add("input", Code.INPUT_FIXED_BATCH, l.file(), in, shape[0]);
                continue;
            }
            TensorLayout layout = layout(l, in);
            if (layout == null) {
                continue;
            }
            layouts.put(l.format(), layout);
            long h = layout == TensorLayout.NCHW ? shape[2] : shape[1];
            long w = layout == TensorLayout.NCHW ? shape[3] : shape[2];
            int[] size = size(l, in, w, h);
            if (size == null) {
                continue;
            }
            if (width == null) {
                width = size[0];
                height = size[1];
                inputName = in.name();
            } else if (width != size[0] || height != size[1]) {
                problems.add("input.width", Code.INPUT_SIZES_DIFFER, width, height, size[0], size[1]);
            }
        }
        problems.stopIfAny();
        float[] mean = request.mean().orElse(IMAGENET_MEAN);
        float[] std = request.std().orElse(IMAGENET_STD);
        if (request.mean().isPresent() != request.std().isPresent()) {
            problems.add("input.preprocessing.mean", Code.NORMALISATION_HALF);
        }
        if (mean.length != ManifestRules.CHANNELS || std.length != ManifestRules.CHANNELS) {
            problems.add("input.preprocessing.mean", Code.NORMALISATION_COUNT);
        } else if (!allPositive(std)) {
            problems.add("input.preprocessing.std", Code.STD_NOT_POSITIVE, Arrays.toString(std));
        }
        problems.stopIfAny();
        return new InputSpec(inputName, layouts.get(loaded.get(0).format()), width, height, ManifestRules.CHANNELS,
                ColourOrder.RGB, ManifestRules.TENSOR_DTYPE, ResizeMode.STRETCH, true, mean, std);
    }

    private static boolean allPositive(float[] values) {
        for (float v : values) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }

    /** The layout the request asks for, or the one the shape shows; null (with a problem) when neither settles it. */
    private TensorLayout layout(ProbedFile l, TensorInfo in) {
        long[] shape = in.shape();
        boolean channelsFirst = shape[1] == 3;
        boolean channelsLast = shape[3] == 3;
        Optional<TensorLayout> asked = request.layout();
        if (asked.isPresent()) {
            long channels = asked.get() == TensorLayout.NCHW ? shape[1] : shape[3];
            if (channels != 3 && channels != -1) {
                problems.add("input.layout", Code.LAYOUT_CHANNELS, l.file(), asked.get(), channels, in);
                return null;
            }
            return asked.get();
        }
        if (channelsFirst && !channelsLast) {
            return TensorLayout.NCHW;
        }
        if (channelsLast && !channelsFirst) {
            return TensorLayout.NHWC;
        }
        problems.add("input.layout", Code.LAYOUT_AMBIGUOUS, l.file(), in, channelsFirst);
        return null;
    }

    /** Width and height: the fixed ones, or the request's for a dynamic input; null (with a problem) if unsettled. */
    private int[] size(ProbedFile l, TensorInfo in, long w, long h) {
        boolean dynamic = w <= 0 || h <= 0;
        Optional<Integer> askedW = request.width();
        Optional<Integer> askedH = request.height();
        if (askedW.isPresent() && (askedW.get() < 1 || askedH.orElse(0) < 1 || askedW.get() > MAX_SIDE
                || askedH.get() > MAX_SIDE)) {
            problems.add("input.width", Code.SIZE_OUT_OF_RANGE, askedW.get(), askedH.orElse(0));
            return null;
        }
        if (dynamic) {
            if (l.format() == ModelFormat.TFLITE) {
                problems.add("input.width", Code.TFLITE_DYNAMIC_SIZE, l.file(), in);
                return null;
            }
            if (askedW.isEmpty()) {
                problems.add("input.width", Code.SIZE_NEEDED, l.file(), in);
                return null;
            }
            if ((w > 0 && w != askedW.get()) || (h > 0 && h != askedH.get())) {
                problems.add("input.width", Code.SIZE_CONTRADICTS_INPUT, l.file(), askedW.get(), askedH.get(), in);
                return null;
            }
            return new int[] {askedW.get(), askedH.get()};
        }
        if (askedW.isPresent() && (askedW.get() != w || askedH.get() != h)) {
            problems.add("input.width", Code.SIZE_DIFFERS_FROM_INPUT, l.file(), askedW.get(), askedH.get(), in, w, h);
            return null;
        }
        return new int[] {(int) w, (int) h};
    }
}
