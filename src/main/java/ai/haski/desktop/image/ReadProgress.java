package ai.haski.desktop.image;

import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;

/**
 * Remembers how far a reader said it got, for readers that stop early without an exception or a warning.
 *
 * <p>The JDK's GIF reader is one: when the image data ends (a cut-off or damaged file whose last block is still
 * well formed) it returns the picture with the missing rows left at colour 0, and its last progress report is the
 * share of rows it really decoded. A complete GIF always reports 100%, with or without subsampling.
 */
final class ReadProgress implements IIOReadProgressListener {
    private volatile float lastPercent = -1;

    /** The last percentage reported for the image being read, or -1 when the reader reported none. */
    float lastPercent() {
        return lastPercent;
    }

    /** Whether the reader reported progress and stopped short of every row. */
    boolean stoppedShort() {
        return lastPercent >= 0 && lastPercent < 99.99f;
    }

    @Override
    public void imageStarted(ImageReader source, int imageIndex) {
        lastPercent = 0;
    }

    @Override
    public void imageProgress(ImageReader source, float percentageDone) {
        lastPercent = percentageDone;
    }

    @Override
    public void imageComplete(ImageReader source) {
        // Deliberately not 100: the GIF reader calls this after running out of data too.
    }

    @Override
    public void sequenceStarted(ImageReader source, int minIndex) {}

    @Override
    public void sequenceComplete(ImageReader source) {}

    @Override
    public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {}

    @Override
    public void thumbnailProgress(ImageReader source, float percentageDone) {}

    @Override
    public void thumbnailComplete(ImageReader source) {}

    @Override
    public void readAborted(ImageReader source) {}
}
