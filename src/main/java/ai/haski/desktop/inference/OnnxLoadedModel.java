package ai.haski.desktop.inference;

import ai.haski.desktop.model.TensorInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.ValueInfo;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An ONNX Runtime session; ONNX Runtime allows concurrent {@code run} calls on one session. */
final class OnnxLoadedModel implements LoadedModel {
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String label;
    private final String inputName;
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private final RunGuard guard;

    OnnxLoadedModel(OrtEnvironment environment, OrtSession session, String label) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.label = label;
        this.inputs = describe(session.getInputInfo());
        this.outputs = describe(session.getOutputInfo());
        this.inputName = inputs.isEmpty() ? null : inputs.get(0).name();
        this.guard = new RunGuard(label);
    }

    private static List<TensorInfo> describe(Map<String, NodeInfo> nodes) {
        List<TensorInfo> result = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            ValueInfo info = node.getInfo();
            if (info instanceof ai.onnxruntime.TensorInfo tensor) {
                result.add(new TensorInfo(node.getName(), tensor.getShape(), dtype(tensor.type)));
            } else {
                result.add(new TensorInfo(node.getName(), new long[0], info.toString()));
            }
        }
        return List.copyOf(result);
    }

    private static String dtype(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case FLOAT16 -> "float16";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public List<TensorInfo> inputs() {
        return inputs;
    }

    @Override
    public List<TensorInfo> outputs() {
        return outputs;
    }

    @Override
    public Map<String, float[]> run(ByteBuffer input, long[] shape) throws InferenceException {
        return guard.during(() -> {
            FloatBuffer values = input.asFloatBuffer();
            // A direct buffer is handed to the runtime as it is, without a copy.
            try (OnnxTensor tensor = OnnxTensor.createTensor(environment, values, shape);
                    OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                Map<String, float[]> outputValues = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> entry : result) {
                    if (!(entry.getValue() instanceof OnnxTensor out)) {
                        throw new InferenceException(label + ": output " + entry.getKey() + " is not a tensor");
                    }
                    FloatBuffer data = out.getFloatBuffer();
                    if (data == null) {
                        throw new InferenceException(label + ": output " + entry.getKey()
                                + " is not float32 (" + out.getInfo().type + ")");
                    }
                    float[] copy = new float[data.remaining()];
                    data.get(copy);
                    outputValues.put(entry.getKey(), copy);
                }
                return outputValues;
            } catch (OrtException e) {
                throw new InferenceException("ONNX Runtime failed to run " + label + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() {
        guard.closeAfterRuns(() -> {
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime failed to close " + label, e);
            }
        });
    }
}
