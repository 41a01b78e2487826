package ai.haski.desktop.ui.models;

import ai.haski.desktop.analysis.Analyzer;
import java.util.Objects;
import java.util.Optional;

/**
 * What the app can analyse with right now: the active model's analyzer (if any), whether a model is loading (a switch
 * in progress keeps the previous analyzer until the new one is proven), and why there is none.
 */
public record ActiveModelState(Optional<Analyzer> analyzer, boolean loading, Optional<String> noModelReason) {
    public ActiveModelState {
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(noModelReason, "noModelReason");
    }

    /** At start, before the runtimes are probed and the remembered model is loaded. */
    public static ActiveModelState starting() {
        return new ActiveModelState(Optional.empty(), true, Optional.of("the model is still loading"));
    }

    public static ActiveModelState ready(Analyzer analyzer) {
        return new ActiveModelState(Optional.of(analyzer), false, Optional.empty());
    }

    /** No model can be used; {@code reason} says why, for messages. */
    public static ActiveModelState none(String reason) {
        return new ActiveModelState(Optional.empty(), false, Optional.of(reason));
    }

    /** A model is loading; the previous analyzer, if any, stays until the new one is proven. */
    public ActiveModelState loadingNext() {
        return new ActiveModelState(analyzer, true, noModelReason);
    }

    /** An analyzer that may be used now: none while a model loads. */
    public Optional<Analyzer> usable() {
        return loading ? Optional.empty() : analyzer;
    }
}
