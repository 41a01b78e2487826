package ai.haski.desktop.analysis.quality;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.function.UnaryOperator;

/**
 * The ways a photo from a patient's phone goes wrong, applied to a real picture: out of focus, moved during the
 * exposure, under- and overexposed, sent as a small copy, lit by a tinted lamp. Each is a plain, documented image
 * operation with its strength relative to the picture's size, so it means the same on every photo.
 */
enum Degradations {
    /** Gaussian blur, sigma 1 % of the shorter side (5 pixels on a 512-pixel photo). */
    GAUSSIAN_BLUR(Degradations::gaussianBlur),
    /** Motion blur: a straight smear 4 % of the width long, horizontal. */
    MOTION_BLUR(picture -> smear(picture, true)),
    /** Motion blur: a straight smear 4 % of the height long, vertical. */
    MOTION_BLUR_VERTICAL(picture -> smear(picture, false)),
    /** Underexposure: linear light times 0.1 (about 3.3 stops). */
    UNDEREXPOSED(picture -> scaleLinear(picture, 0.1, 0.1, 0.1)),
    /** Overexposure: linear light times 4 (2 stops), clipped. */
    OVEREXPOSED(picture -> scaleLinear(picture, 4, 4, 4)),
    /** Low resolution: a copy whose shorter side is 100 pixels, as a thumbnail sent on. */
    LOW_RESOLUTION(picture -> shrinkTo(picture, 100)),
    /** Colour cast: a cool, bluish lamp (linear red times 0.7, blue times 1.4). */
    BLUE_CAST(picture -> scaleLinear(picture, 0.7, 1.0, 1.4)),
    /** Colour cast: a green fluorescent tube (linear red and blue times 0.7). */
    GREEN_CAST(picture -> scaleLinear(picture, 0.7, 1.0, 0.7));

    private final UnaryOperator<BufferedImage> operation;

    Degradations(UnaryOperator<BufferedImage> operation) {
        this.operation = operation;
    }

    BufferedImage apply(BufferedImage picture) {
        return operation.apply(picture);
    }

    /** The code a check should report for this degradation. */
    QualityCode expected() {
        return switch (this) {
            case GAUSSIAN_BLUR -> QualityCode.BLURRED;
            case MOTION_BLUR, MOTION_BLUR_VERTICAL -> QualityCode.MOTION_BLUR;
            case UNDEREXPOSED -> QualityCode.TOO_DARK;
            case OVEREXPOSED -> QualityCode.OVEREXPOSED;
            case LOW_RESOLUTION -> QualityCode.LOW_RESOLUTION;
            case BLUE_CAST, GREEN_CAST -> QualityCode.COLOUR_CAST;
        };
    }

    static BufferedImage gaussianBlur(BufferedImage picture) {
        return gaussianBlur(picture, Math.min(picture.getWidth(), picture.getHeight()) * 0.01);
    }

    static BufferedImage gaussianBlur(BufferedImage picture, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] weights = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        BufferedImage rows = convolve(padded(picture, radius), new Kernel(weights.length, 1, weights));
        return crop(convolve(rows, new Kernel(1, weights.length, weights)), radius, picture);
    }

    static BufferedImage smear(BufferedImage picture, boolean horizontal) {
        int length = Math.max(3, (int) Math.round((horizontal ? picture.getWidth() : picture.getHeight()) * 0.04));
        float[] weights = new float[length];
        java.util.Arrays.fill(weights, 1f / length);
        Kernel kernel = horizontal ? new Kernel(length, 1, weights) : new Kernel(1, length, weights);
        return crop(convolve(padded(picture, length), kernel), length, picture);
    }

    /** Multiplies each channel's linear light (sRGB decoded) and encodes again, clipping at white. */
    static BufferedImage scaleLinear(BufferedImage picture, double red, double green, double blue) {
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] lut = new int[256 * 3];
        double[] factors = {red, green, blue};
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c * 256 + v] = encode(decode(v / 255.0) * factors[c]);
            }
        }
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                int r = lut[(rgb >> 16) & 0xFF];
                int g = lut[256 + ((rgb >> 8) & 0xFF)];
                int b = lut[512 + (rgb & 0xFF)];
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** An area-averaged copy whose shorter side is {@code side} pixels. */
    static BufferedImage shrinkTo(BufferedImage picture, int side) {
        double scale = side / (double) Math.min(picture.getWidth(), picture.getHeight());
        int width = (int) Math.round(picture.getWidth() * scale);
        int height = (int) Math.round(picture.getHeight() * scale);
        return rgb(picture.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING), width, height);
    }

    /** The picture as TYPE_INT_RGB, shrunk by area averaging so that its longer side is at most {@code side}. */
    static BufferedImage fitWithin(BufferedImage picture, int side) {
        double scale = Math.min(1, side / (double) Math.max(picture.getWidth(), picture.getHeight()));
        int width = (int) Math.round(picture.getWidth() * scale);
        int height = (int) Math.round(picture.getHeight() * scale);
        Image scaled = scale < 1 ? picture.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING) : picture;
        return rgb(scaled, width, height);
    }

    private static BufferedImage rgb(Image image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage convolve(BufferedImage picture, Kernel kernel) {
        return new ConvolveOp(kernel, ConvolveOp.EDGE_NO_OP, null).filter(picture, null);
    }

    /** The picture with its edge pixels repeated {@code border} times around it, so a blur has no dark frame. */
    private static BufferedImage padded(BufferedImage picture, int border) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        BufferedImage out = new BufferedImage(width + 2 * border, height + 2 * border, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            int sy = Math.max(0, Math.min(height - 1, y - border));
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, picture.getRGB(Math.max(0, Math.min(width - 1, x - border)), sy));
            }
        }
        return out;
    }

    private static BufferedImage crop(BufferedImage padded, int border, BufferedImage like) {
        BufferedImage out = new BufferedImage(like.getWidth(), like.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(padded.getSubimage(border, border, like.getWidth(), like.getHeight()), 0, 0, null);
        g.dispose();
        return out;
    }

    private static double decode(double encoded) {
        return encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4);
    }

    private static int encode(double linear) {
        double clipped = Math.min(1, Math.max(0, linear));
        double encoded = clipped <= 0.0031308 ? clipped * 12.92 : 1.055 * Math.pow(clipped, 1 / 2.4) - 0.055;
        return (int) Math.round(encoded * 255);
    }
}
