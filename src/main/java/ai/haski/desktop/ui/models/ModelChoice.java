package ai.haski.desktop.ui.models;

import java.util.Optional;

/**
 * One entry of the model picker: a usable package, or a refused folder shown disabled with the reason.
 *
 * @param id           the package id; for a refused folder, the folder's name
 * @param title        what the picker shows, e.g. "Haski reference network (untrained) 1.0.0"
 * @param detail       its formats and origin, e.g. "onnx, tflite · bundled · not for clinical use"
 * @param refusedReason why the folder is not a usable package; empty for a usable one
 */
public record ModelChoice(String id, String title, String detail, Optional<String> refusedReason) {

    public boolean selectable() {
        return refusedReason.isEmpty();
    }

    @Override
    public String toString() {
        return title;
    }
}
