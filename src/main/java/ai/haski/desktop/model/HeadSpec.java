package ai.haski.desktop.model;

import java.util.List;
import java.util.Optional;

/**
 * A classification head: a slice of one output tensor, an activation turning it into probabilities, and the
 * labels of its classes.
 *
 * <p>A head with a {@code noneLabel} reports findings ("conditions"): its detected labels are those other than
 * the none label. A multi-label head uses a sigmoid per class and reports every label at or above its threshold.
 */
public record HeadSpec(
        String name,
        String output,
        int offset,
        int length,
        Activation activation,
        Mode mode,
        List<String> labels,
        Optional<String> noneLabel,
        float threshold) {

    /** How raw outputs become probabilities. */
    public enum Activation {
        SOFTMAX, SIGMOID, NONE
    }

    /** Whether exactly one label applies, or any number of them. */
    public enum Mode {
        SINGLE_LABEL, MULTI_LABEL
    }

    public HeadSpec {
        labels = List.copyOf(labels);
    }

    /** Whether this head reports findings (it has a label that means "nothing found"). */
    public boolean reportsFindings() {
        return noneLabel.isPresent() || mode == Mode.MULTI_LABEL;
    }
}
