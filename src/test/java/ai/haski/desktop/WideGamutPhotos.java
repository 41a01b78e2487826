package ai.haski.desktop;

import java.awt.Point;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Real photos turned into wide-gamut JPEGs as an iPhone or a camera set to Adobe RGB writes them: the pixels
 * converted from sRGB into the profile's colour space, encoded as a JPEG, and the profile embedded in APP2.
 */
public final class WideGamutPhotos {
    private WideGamutPhotos() {}

    /** Writes {@code photo} (any sRGB image) through {@code profile} as a profile-tagged JPEG at {@code target}. */
    public static Path write(Path photo, Path profile, Path target) throws IOException {
        BufferedImage source = ImageIO.read(photo.toFile());
        int width = source.getWidth();
        int height = source.getHeight();
        byte[] srgb = new byte[width * height * 3];
        for (int y = 0, at = 0; y < height; y++) {
            for (int x = 0; x < width; x++, at += 3) {
                int rgb = source.getRGB(x, y);
                srgb[at] = (byte) (rgb >> 16);
                srgb[at + 1] = (byte) (rgb >> 8);
                srgb[at + 2] = (byte) rgb;
            }
        }
        byte[] profileBytes = Files.readAllBytes(profile);
        ICC_ColorSpace wide = new ICC_ColorSpace(ICC_Profile.getInstance(profileBytes));
        BufferedImage encoded = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), wide, null)
                .filter(rgbRaster(srgb, width, height), encoded.getRaster());
        Files.write(target, withProfile(jpeg(encoded), profileBytes));
        return target;
    }

    private static WritableRaster rgbRaster(byte[] rgb, int width, int height) {
        return Raster.createInterleavedRaster(new DataBufferByte(rgb, rgb.length), width, height, width * 3, 3,
                new int[] {0, 1, 2}, new Point());
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** {@code jpeg} with an APP2 ICC_PROFILE segment (chunk 1 of 1) after its JFIF APP0 segment. */
    private static byte[] withProfile(byte[] jpeg, byte[] profile) {
        byte[] signature = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + signature.length + 2 + profile.length;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("profile too large for one APP2 segment: " + profile.length);
        }
        ByteBuffer segment = ByteBuffer.allocate(2 + length);
        segment.put((byte) 0xFF).put((byte) 0xE2).putShort((short) length).put(signature)
                .put((byte) 1).put((byte) 1).put(profile);
        int afterApp0 = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        ByteArrayOutputStream spliced = new ByteArrayOutputStream(jpeg.length + segment.capacity());
        spliced.write(jpeg, 0, afterApp0);
        spliced.write(segment.array(), 0, segment.capacity());
        spliced.write(jpeg, afterApp0, jpeg.length - afterApp0);
        return spliced.toByteArray();
    }
}
