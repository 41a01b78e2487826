package ai.haski.desktop.inference;

import ai.haski.desktop.model.ResizeMode;
/**
 * Which rectangle of the picture is resized into which rectangle of the model input, for one {@link ResizeMode}.
 * Outside the target rectangle (letterbox bands) the input is padding.
 */
record ResizeGeometry(
        int sourceX, int sourceY, int sourceWidth, int sourceHeight,
        int targetX, int targetY, int targetWidth, int targetHeight) {

    static ResizeGeometry of(int imageWidth, int imageHeight, int inputWidth, int inputHeight, ResizeMode mode) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + imageWidth + " x " + imageHeight);
        }
        // Compare proportions by cross-multiplying, so equal proportions are recognised exactly.
        boolean imageWider = (long) imageWidth * inputHeight > (long) imageHeight * inputWidth;
        return switch (mode) {
            case STRETCH -> new ResizeGeometry(0, 0, imageWidth, imageHeight, 0, 0, inputWidth, inputHeight);
            case CENTER_CROP -> {
                int cropWidth = imageWider ? roundedRatio(imageHeight, inputWidth, inputHeight) : imageWidth;
                int cropHeight = imageWider ? imageHeight : roundedRatio(imageWidth, inputHeight, inputWidth);
                yield new ResizeGeometry((imageWidth - cropWidth) / 2, (imageHeight - cropHeight) / 2,
                        cropWidth, cropHeight, 0, 0, inputWidth, inputHeight);
            }
            case LETTERBOX -> {
                int fitWidth = imageWider ? inputWidth : roundedRatio(imageWidth, inputHeight, imageHeight);
                int fitHeight = imageWider ? roundedRatio(imageHeight, inputWidth, imageWidth) : inputHeight;
                yield new ResizeGeometry(0, 0, imageWidth, imageHeight,
                        (inputWidth - fitWidth) / 2, (inputHeight - fitHeight) / 2, fitWidth, fitHeight);
            }
        };
    }

    /** Whether either axis is enlarged, so the model sees less detail than its input size suggests. */
    boolean enlarges() {
        return targetWidth > sourceWidth || targetHeight > sourceHeight;
    }

    /** {@code value * numerator / denominator} rounded half up, and at least 1 so no side vanishes. */
    private static int roundedRatio(int value, int numerator, int denominator) {
        long rounded = (2L * value * numerator + denominator) / (2L * denominator);
        return (int) Math.max(1, rounded);
    }
}
