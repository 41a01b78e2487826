package ai.haski.desktop.catalog;

/**
 * Why an import cannot go ahead as asked: the field at fault and what to do. Fields are manifest fields
 * ({@code id}, {@code input.layout}, {@code input.width}, {@code heads}, {@code outputs[0].dtype},
 * {@code weights.onnx}, ...) or request settings ({@code files}, {@code labels}, {@code sample},
 * {@code agreement}), so a dialog can show each message beside its control.
 */
public record ImportProblem(String field, String message) {
    @Override
    public String toString() {
        return "field '" + field + "': " + message;
    }
}
