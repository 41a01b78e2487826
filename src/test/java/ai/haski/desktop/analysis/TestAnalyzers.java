package ai.haski.desktop.analysis;

import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;

/**
 * Analyzers over models a test loaded itself (a generated package, a damaged copy), for tests outside this package:
 * the product opens analyzers only through {@link Engine#open}, which reads packages from the registry.
 */
public final class TestAnalyzers {
    private TestAnalyzers() {}

    /** An analyzer that owns {@code model}: closing either closes the model. */
    public static Analyzer over(ActiveModel model, ImageLoader imageLoader) {
        return new Analyzer(model, imageLoader);
    }
}
