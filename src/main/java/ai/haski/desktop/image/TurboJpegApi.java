package ai.haski.desktop.image;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The part of libjpeg-turbo's TurboJPEG C API (turbojpeg.h, version 2.x) that decoding needs, bound through JNA.
 *
 * <p>Every function returns 0 on success and -1 on an error or, with {@link #TJFLAG_STOPONWARNING}, a warning;
 * {@link #tjGetErrorStr2} and {@link #tjGetErrorCode} then say which. {@code unsigned long} is a {@link NativeLong}
 * because it is 64 bits on Linux and macOS but 32 on Windows.
 */
interface TurboJpegApi extends Library {
    /** {@code TJPF_RGB}: bytes R, G, B, the layout the colour engine takes for an ICC conversion. */
    int TJPF_RGB = 0;
    /** {@code TJPF_BGRX}: bytes B, G, R, X, that is one little-endian int 0xXXRRGGBB per pixel. */
    int TJPF_BGRX = 3;

    /** {@code TJCS_YCbCr}: the usual colour JPEG. */
    int TJCS_YCBCR = 1;
    /** {@code TJCS_GRAY}: a single-channel JPEG. */
    int TJCS_GRAY = 2;

    /** Stop at the first warning (corrupt or truncated data) instead of inventing the rest of the picture. */
    int TJFLAG_STOPONWARNING = 8192;
    /** Refuse progressive files with more than 500 scans, which can take minutes to decode (a known attack). */
    int TJFLAG_LIMITSCANS = 32768;

    /** {@code TJERR_WARNING}: the error code of a non-fatal problem. */
    int TJERR_WARNING = 0;

    /** {@code tjhandle tjInitDecompress(void)}: a decompressor, or null when out of memory. */
    Pointer tjInitDecompress();

    /**
     * {@code int tjDecompressHeader3(tjhandle, const unsigned char *jpegBuf, unsigned long jpegSize, int *width,
     * int *height, int *jpegSubsamp, int *jpegColorspace)}; each out-parameter is a one-element array.
     */
    int tjDecompressHeader3(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, int[] width, int[] height,
            int[] jpegSubsamp, int[] jpegColorspace);

    /**
     * {@code int tjDecompress2(tjhandle, const unsigned char *jpegBuf, unsigned long jpegSize, unsigned char *dstBuf,
     * int width, int pitch, int height, int pixelFormat, int flags)}: decodes to the largest DCT scaling factor whose
     * result fits in {@code width x height}.
     */
    int tjDecompress2(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, Pointer dstBuf, int width, int pitch,
            int height, int pixelFormat, int flags);

    /** {@code char *tjGetErrorStr2(tjhandle)}: the last error or warning of this handle, owned by the library. */
    String tjGetErrorStr2(Pointer handle);

    /** {@code int tjGetErrorCode(tjhandle)}: {@link #TJERR_WARNING} or {@code TJERR_FATAL} for the last problem. */
    int tjGetErrorCode(Pointer handle);

    /** {@code int tjDestroy(tjhandle)}: frees the decompressor. */
    int tjDestroy(Pointer handle);
}
