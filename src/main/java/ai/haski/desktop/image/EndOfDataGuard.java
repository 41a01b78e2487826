package ai.haski.desktop.image;

import java.io.IOException;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * Stops a decoder that keeps reading after the end of the file, for readers that pad missing data instead of failing.
 *
 * <p>TwelveMonkeys' WebP reader is one: when a lossless image's data ends long before its declared size is filled,
 * its bit reader meets the end of the file on every refill, pads with zero bits, and carries on, so a 151-byte file
 * that declares 1956 x 1857 pixels decoded to garbage for several minutes (found by fuzzing). A complete file meets
 * the end only a few times, while the reader's look-ahead runs into it on the last bytes; past {@link #MAX_ENDS}
 * meetings this stream throws instead.
 */
final class EndOfDataGuard extends ImageInputStreamImpl {
    /** Far above the handful of look-ahead reads at the end of a complete file, far below a decode of padding. */
    static final int MAX_ENDS = 256;

    private final ImageInputStream in;
    private int endsMet;

    EndOfDataGuard(ImageInputStream in) throws IOException {
        this.in = in;
        this.streamPos = in.getStreamPosition();
        setByteOrder(in.getByteOrder());
    }

    /** Whether the decoder kept reading past the end of the data. */
    boolean tripped() {
        return endsMet > MAX_ENDS;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        int value = in.read();
        if (value < 0) {
            metEnd();
        } else {
            streamPos++;
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkClosed();
        bitOffset = 0;
        int count = in.read(buffer, offset, length);
        if (count < 0) {
            metEnd();
        } else {
            streamPos += count;
        }
        return count;
    }

    private void metEnd() throws IOException {
        if (++endsMet > MAX_ENDS) {
            throw new IOException("the decoder kept reading past the end of the file");
        }
    }

    @Override
    public void seek(long position) throws IOException {
        super.seek(position);
        in.seek(position);
    }

    @Override
    public long length() {
        try {
            return in.length();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        // The loader closes the underlying stream itself.
        super.close();
    }
}
