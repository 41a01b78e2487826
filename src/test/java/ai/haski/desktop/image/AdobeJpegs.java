package ai.haski.desktop.image;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Four-channel JPEGs as Photoshop writes them: the JPEG writer stores a 4-band raster's channels untouched, and an
 * Adobe APP14 segment tells readers what they are (transform 0: CMYK, transform 2: YCCK).
 */
final class AdobeJpegs {
    private AdobeJpegs() {}

    /**
     * A square in four quadrants: no ink (top-left), full black (top-right), full cyan (bottom-left) and full yellow
     * (bottom-right). Adobe stores ink amounts inverted (255 = no ink).
     */
    static byte[] cmykQuadrants(int size, boolean asYcck) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, size, size, 4, null);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int[] inverted = {255, 255, 255, 255};
                boolean right = x >= size / 2;
                boolean bottom = y >= size / 2;
                if (!bottom && right) {
                    inverted[3] = 0; // black
                } else if (bottom && !right) {
                    inverted[0] = 0; // cyan
                } else if (bottom) {
                    inverted[2] = 0; // yellow
                }
                raster.setPixel(x, y, asYcck ? toYcck(inverted) : inverted);
            }
        }
        byte[] jpeg = writeRaster(raster);
        return JpegSegments.insertAfterSoi(jpeg, JpegSegments.adobe(asYcck ? 2 : 0));
    }

    /**
     * Adobe YCCK: the decoder turns Y, Cb, Cr back into R, G, B with the JFIF equations and takes C' = 255 - R (and so
     * on) as the stored, inverted ink; K passes through. So encode R = 255 - C' with the JFIF forward equations.
     */
    private static int[] toYcck(int[] inverted) {
        double r = 255 - inverted[0];
        double g = 255 - inverted[1];
        double b = 255 - inverted[2];
        double luma = 0.299 * r + 0.587 * g + 0.114 * b;
        double cb = -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
        double cr = 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
        return new int[] {clamp(luma), clamp(cb), clamp(cr), inverted[3]};
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private static byte[] writeRaster(Raster raster) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f);
            writer.write(null, new IIOImage(raster, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
