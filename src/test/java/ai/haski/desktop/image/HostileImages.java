package ai.haski.desktop.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Hostile image files, each with the error code the loader must refuse it with (or none, when it must decode), shared
 * by the loader tests, the analyzer tests and the packaged-jar test so that all of them try exactly the same bytes.
 *
 * <p>Every file is made here from a few small pictures: nothing hostile is committed.
 */
public final class HostileImages {
    public static final String CORRUPT = ImageErrorCode.CORRUPT_IMAGE.code();
    public static final String UNSUPPORTED = ImageErrorCode.UNSUPPORTED_FORMAT.code();
    public static final String TOO_LARGE = ImageErrorCode.IMAGE_TOO_LARGE.code();
    public static final String INVALID = ImageErrorCode.INVALID_DIMENSIONS.code();

    /** The stored size of the decompression bomb: 400 million gray pixels from a file of about 400 KB. */
    public static final int BOMB_SIDE = 20_000;
    /** The side of the real 256-megapixel JPEG. */
    public static final int HUGE_JPEG_SIDE = 16_000;

    private static final int WIDTH = 96;
    private static final int HEIGHT = 64;

    /**
     * One hostile file made of bytes.
     *
     * @param expectedCode the code it must be refused with, or null when it is a valid picture that must decode
     */
    public record Case(String name, byte[] bytes, String expectedCode) {
        public boolean mustDecode() {
            return expectedCode == null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private HostileImages() {}

    /** Every hostile file made of bytes, plus a few good pictures with awkward names, in a stable order. */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(truncated());
        cases.addAll(notImages());
        cases.addAll(impossibleSizes());
        cases.addAll(scrambledBodies());
        cases.addAll(goodPicturesWithAwkwardNames());
        return cases;
    }

    /** Each format cut inside its header, after its first chunk or segment, and half-way through its data. */
    public static List<Case> truncated() {
        byte[] jpeg = jpeg();
        byte[] png = png();
        byte[] gif = gif();
        byte[] bmp = bmp();
        byte[] tiff = tiff();
        byte[] webp = webp();
        int bmpPixels = ByteBuffer.wrap(bmp, 10, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return List.of(
                new Case("jpeg cut inside its header.jpg", cut(jpeg, 11), CORRUPT),
                new Case("jpeg cut after its first segment.jpg", cut(jpeg, afterSegment(jpeg, 0xE0)), CORRUPT),
                new Case("jpeg cut before its scan data.jpg", cut(jpeg, afterSegment(jpeg, 0xDA)), CORRUPT),
                new Case("jpeg cut half-way.jpg", cut(jpeg, jpeg.length / 2), CORRUPT),
                new Case("jpeg without its end marker.jpg", cut(jpeg, jpeg.length - 2), CORRUPT),
                new Case("png cut inside its signature.png", cut(png, 4), UNSUPPORTED),
                new Case("png cut inside its header.png", cut(png, 20), CORRUPT),
                new Case("png cut after its first chunk.png", cut(png, 8 + 25), CORRUPT),
                new Case("png cut half-way.png", cut(png, png.length / 2), CORRUPT),
                new Case("gif cut inside its header.gif", cut(gif, 8), CORRUPT),
                new Case("gif cut after its screen descriptor.gif", cut(gif, 13), CORRUPT),
                new Case("gif cut half-way.gif", cut(gif, gif.length / 2), CORRUPT),
                new Case("gif whose image data ends early.gif", gifEndingAfterOneDataBlock(gif), CORRUPT),
                new Case("bmp cut inside its header.bmp", cut(bmp, 20), CORRUPT),
                new Case("bmp cut after its headers.bmp", cut(bmp, bmpPixels), CORRUPT),
                new Case("bmp cut half-way.bmp", cut(bmp, bmp.length / 2), CORRUPT),
                new Case("tiff cut inside its header.tif", cut(tiff, 6), CORRUPT),
                new Case("tiff cut after its directory.tif", cut(tiff, TinyTiffWriter.pixelOffset()), CORRUPT),
                new Case("tiff cut half-way.tif", cut(tiff, tiff.length / 2), CORRUPT),
                new Case("webp cut inside its header.webp", cut(webp, 10), UNSUPPORTED),
                new Case("webp cut inside its image header.webp", cut(webp, 23), CORRUPT),
                new Case("webp cut after its chunk header.webp", cut(webp, 20), CORRUPT),
                new Case("webp cut half-way.webp", cut(webp, webp.length / 2), CORRUPT));
    }

    /** Random bytes under every image extension, and text named like a picture. */
    public static List<Case> notImages() {
        List<Case> cases = new ArrayList<>();
        Random random = new Random(20_261_126L);
        for (String extension : List.of("jpg", "png", "gif", "bmp", "tif", "webp")) {
            byte[] noise = new byte[3000];
            random.nextBytes(noise);
            cases.add(new Case("random bytes." + extension, noise, UNSUPPORTED));
        }
        cases.add(new Case("shopping list.png",
                "eggs\nmilk\nsun cream\n".getBytes(StandardCharsets.UTF_8), UNSUPPORTED));
        return cases;
    }

    /** Headers that declare sizes of zero or far beyond any photo, in every format that stores a size. */
    public static List<Case> impossibleSizes() {
        int max = Integer.MAX_VALUE;
        return List.of(
                new Case("png 0 x 0.png", BadImageFiles.pngHeaderOnly(0, 0), INVALID),
                new Case("png 2147483647 x 1.png", BadImageFiles.pngHeaderOnly(max, 1), TOO_LARGE),
                new Case("png 2147483647 x 2147483647.png", BadImageFiles.pngHeaderOnly(max, max), TOO_LARGE),
                new Case("png 30000 x 30000 in 200 bytes.png", BadImageFiles.pngHeaderOnly(30_000, 30_000), TOO_LARGE),
                new Case("bmp 0 x 64.bmp", bmpWithSize(0, HEIGHT), INVALID),
                new Case("bmp 2147483647 x 64.bmp", bmpWithSize(max, HEIGHT), TOO_LARGE),
                new Case("bmp 96 x 2147483647.bmp", bmpWithSize(WIDTH, max), TOO_LARGE),
                new Case("gif 0 x 4.gif", BadImageFiles.gifWithZeroWidth(), INVALID),
                new Case("gif 65535 x 65535.gif", gifWithSize(65_535, 65_535), TOO_LARGE),
                new Case("jpeg 65535 x 65535.jpg", jpegWithSize(65_535, 65_535), TOO_LARGE),
                new Case("jpeg 0 x 64.jpg", jpegWithSize(0, HEIGHT), INVALID),
                new Case("tiff 0 x 64.tif", tiffWithSize(0, HEIGHT), INVALID),
                new Case("tiff 2147483647 x 2147483647.tif", tiffWithSize(max, max), TOO_LARGE),
                new Case("webp 16384 x 16384.webp", webpWithSize(16_384, 16_384), TOO_LARGE),
                // Found by fuzzing: the data of 96 x 64 pixels under a header of 2000 x 2000 decoded for minutes.
                new Case("webp 2000 x 2000 holding 96 x 64 pixels.webp", webpWithSize(2000, 2000), CORRUPT));
    }

    /**
     * Valid headers over bodies of random bytes. Uncompressed BMP and TIFF have no way to tell noise from pixels, so
     * those decode (to noise); every compressed format must notice.
     */
    public static List<Case> scrambledBodies() {
        byte[] jpeg = jpeg();
        byte[] png = png();
        byte[] gif = gif();
        byte[] bmp = bmp();
        byte[] tiff = tiff();
        byte[] webp = webp();
        int pngData = 8 + 25 + 8; // signature, IHDR, then the first IDAT's length and type (ImageIO writes no others)
        int bmpPixels = ByteBuffer.wrap(bmp, 10, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return List.of(
                new Case("jpeg with scrambled scan data.jpg", scramble(jpeg, afterSegment(jpeg, 0xDA), jpeg.length - 2),
                        CORRUPT),
                new Case("png with scrambled image data.png", scramble(png, pngData, png.length - 12), CORRUPT),
                new Case("gif with scrambled image data.gif", scramble(gif, gifImageData(gif), gif.length - 1),
                        CORRUPT),
                new Case("bmp with scrambled pixels.bmp", scramble(bmp, bmpPixels, bmp.length), null),
                new Case("tiff with scrambled pixels.tif", scramble(tiff, TinyTiffWriter.pixelOffset(), tiff.length),
                        null),
                new Case("webp with scrambled image data.webp", scramble(webp, 25, webp.length), CORRUPT));
    }

    /** Valid pictures whose names have spaces, accents, CJK and emoji: they must decode and be named correctly. */
    public static List<Case> goodPicturesWithAwkwardNames() {
        return List.of(
                new Case("good photo with spaces.jpg", jpeg(), null),
                new Case("ünïcødé 写真 😀.png", png(), null),
                new Case("🧴 sun cream, day 3.webp", webp(), null));
    }

    /**
     * Entries that are not ordinary files, named like pictures: a pipe (opening it would block), a folder, a link to
     * nothing, two links to each other, and a folder holding a link to itself. Returns each name with the code the
     * loader gives when the path is passed to it directly.
     */
    public static Map<String, String> writeSpecialEntries(Path folder) {
        try {
            Map<String, String> expected = new LinkedHashMap<>();
            Files.createFile(folder.resolve("zero bytes.jpg"));
            expected.put("zero bytes.jpg", ImageErrorCode.EMPTY_FILE.code());
            Path fifo = folder.resolve("camera pipe.jpg");
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                throw new IllegalStateException("mkfifo failed for " + fifo);
            }
            expected.put("camera pipe.jpg", ImageErrorCode.NOT_A_REGULAR_FILE.code());
            Files.createDirectory(folder.resolve("a folder.jpg"));
            expected.put("a folder.jpg", ImageErrorCode.NOT_A_REGULAR_FILE.code());
            Files.createSymbolicLink(folder.resolve("dangling link.jpg"), folder.resolve("gone.jpg"));
            expected.put("dangling link.jpg", ImageErrorCode.FILE_NOT_FOUND.code());
            Files.createSymbolicLink(folder.resolve("loop a.jpg"), folder.resolve("loop b.jpg"));
            Files.createSymbolicLink(folder.resolve("loop b.jpg"), folder.resolve("loop a.jpg"));
            expected.put("loop a.jpg", ImageErrorCode.READ_FAILED.code());
            Path selfLinking = Files.createDirectory(folder.resolve("self-linking folder"));
            Files.createSymbolicLink(selfLinking.resolve("itself.jpg"), selfLinking);
            expected.put("self-linking folder/itself.jpg", ImageErrorCode.NOT_A_REGULAR_FILE.code());
            return expected;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the real big files -----------------------------------------------------------------------------------

    /**
     * A real PNG decompression bomb: {@value #BOMB_SIDE} x {@value #BOMB_SIDE} 8-bit gray, every row zero, deflated
     * into a file of about 400 KB that inflates to 400 MB. Every byte is valid: only the size is hostile.
     */
    public static Path writeDecompressionBomb(Path file) {
        try {
            return Files.write(file, decompressionBomb());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bomb;

    /** Deflating 400 MB takes a couple of seconds, so one JVM makes the bomb once. */
    private static synchronized byte[] decompressionBomb() {
        if (bomb != null) {
            return bomb;
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream(1 << 19);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (OutputStream zlib = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[1 + BOMB_SIDE]; // filter type 0, then the row's zero samples
            for (int y = 0; y < BOMB_SIDE; y++) {
                zlib.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        ByteBuffer header = ByteBuffer.allocate(13).putInt(BOMB_SIDE).putInt(BOMB_SIDE);
        header.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit gray, no interlace
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 100);
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(PngChunks.chunk("IHDR", header.array()));
        png.writeBytes(PngChunks.chunk("IDAT", idat.toByteArray()));
        png.writeBytes(PngChunks.chunk("IEND", new byte[0]));
        bomb = png.toByteArray();
        return bomb;
    }

    /**
     * A real baseline JPEG of {@code side} x {@code side} pixels (YCbCr 4:2:0), uniform mid-grey, in about
     * side² / 170 bytes.
     *
     * <p>Its Huffman tables hold a single one-bit code each: DC difference 0 and end-of-block. Each 8 x 8 block is
     * then two zero bits, so the entropy-coded data is all zero bytes and can be streamed out without an encoder. A
     * decoder still has to decode every block of every row.
     */
    public static Path writeHugeJpeg(Path file, int side) {
        if (side % 16 != 0) {
            throw new IllegalArgumentException("side must be a multiple of the 16-pixel MCU, got " + side);
        }
        long blocks = (long) (side / 16) * (side / 16) * 6; // four luma and two chroma blocks per MCU
        long dataBytes = blocks * 2 / 8;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(new byte[] {(byte) 0xFF, (byte) 0xD8});
            out.write(segment(0xE0, new byte[] {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}));
            byte[] quantisation = new byte[65];
            Arrays.fill(quantisation, (byte) 1);
            quantisation[0] = 0; // 8-bit table 0
            out.write(segment(0xDB, quantisation));
            out.write(segment(0xC0, new byte[] {8, (byte) (side >> 8), (byte) side, (byte) (side >> 8), (byte) side,
                3, 1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0}));
            byte[] tables = new byte[2 * (1 + 16 + 1)];
            tables[0] = 0x00; // DC table 0
            tables[1] = 1; // one code of length 1 ...
            tables[17] = 0; // ... for "difference 0"
            tables[18] = 0x10; // AC table 0
            tables[19] = 1;
            tables[35] = 0x00; // end of block
            out.write(segment(0xC4, tables));
            out.write(segment(0xDA, new byte[] {3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0}));
            byte[] zeros = new byte[1 << 16];
            for (long left = dataBytes; left > 0; left -= zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            out.write(new byte[] {(byte) 0xFF, (byte) 0xD9});
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the small pictures every hostile file starts from --------------------------------------------------------

    static byte[] jpeg() {
        return TestImages.jpeg(TestImages.gradientNoise(WIDTH, HEIGHT), 0.9f);
    }

    static byte[] png() {
        return TestImages.encode(TestImages.gradientNoise(WIDTH, HEIGHT), "png");
    }

    static byte[] gif() {
        return TestImages.encode(TestImages.gradientNoise(WIDTH, HEIGHT), "gif");
    }

    static byte[] bmp() {
        return TestImages.encode(TestImages.gradientNoise(WIDTH, HEIGHT), "bmp");
    }

    static byte[] tiff() {
        return TinyTiffWriter.write(TestImages.gradientNoise(WIDTH, HEIGHT), 1);
    }

    static byte[] webp() {
        return TinyWebpWriter.write(TestImages.quadrants(WIDTH, HEIGHT));
    }

    // ---- byte surgery ---------------------------------------------------------------------------------------------

    private static byte[] cut(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    /** {@code bytes} with {@code [from, to)} replaced by seeded random bytes. */
    private static byte[] scramble(byte[] bytes, int from, int to) {
        byte[] copy = bytes.clone();
        byte[] noise = new byte[to - from];
        new Random(from * 31L + to).nextBytes(noise);
        System.arraycopy(noise, 0, copy, from, noise.length);
        return copy;
    }

    /** The offset just past the first JPEG segment with this marker (for SOS: past its header, at the scan data). */
    static int afterSegment(byte[] jpeg, int marker) {
        int at = 2;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("no marker at " + at);
            }
            int found = jpeg[at + 1] & 0xFF;
            int length = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
            if (found == marker) {
                return at + 2 + length;
            }
            at += 2 + length;
        }
        throw new IllegalArgumentException("no marker 0x" + Integer.toHexString(marker));
    }

    private static byte[] jpegWithSize(int width, int height) {
        byte[] jpeg = jpeg();
        int sof = afterSegment(jpeg, 0xC0) - (2 + 8 + 3 * 3); // the SOF0 marker of a 3-component JPEG
        jpeg[sof + 5] = (byte) (height >> 8);
        jpeg[sof + 6] = (byte) height;
        jpeg[sof + 7] = (byte) (width >> 8);
        jpeg[sof + 8] = (byte) width;
        return jpeg;
    }

    private static byte[] bmpWithSize(int width, int height) {
        byte[] bmp = bmp();
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(18, width).putInt(22, height);
        return bmp;
    }

    private static byte[] gifWithSize(int width, int height) {
        byte[] gif = gif();
        ByteBuffer buffer = ByteBuffer.wrap(gif).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(6, (short) width).putShort(8, (short) height);
        int descriptor = gifImageDescriptor(gif);
        buffer.putShort(descriptor + 5, (short) width).putShort(descriptor + 7, (short) height);
        return gif;
    }

    private static byte[] tiffWithSize(int width, int height) {
        byte[] tiff = tiff();
        // TinyTiffWriter puts ImageWidth and ImageLength (both LONG) first in the directory at offset 8.
        ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN).putInt(8 + 2 + 8, width).putInt(8 + 2 + 12 + 8, height);
        return tiff;
    }

    private static byte[] webpWithSize(int width, int height) {
        byte[] webp = webp();
        // The VP8L header follows its one-byte signature: 14 bits width - 1, 14 bits height - 1, least significant
        // bit first; the alpha and version bits after them are zero in TinyWebpWriter's files.
        long bits = (long) (width - 1) | (long) (height - 1) << 14;
        for (int i = 0; i < 4; i++) {
            webp[21 + i] = (byte) (bits >> (8 * i));
        }
        return webp;
    }

    /** The offset of the first image descriptor (0x2C) after the header, screen descriptor and colour table. */
    private static int gifImageDescriptor(byte[] gif) {
        int at = 13;
        if ((gif[10] & 0x80) != 0) {
            at += 3 * (1 << ((gif[10] & 0x07) + 1));
        }
        while (gif[at] == 0x21) { // extension blocks: introducer, label, then sub-blocks until a zero length
            at += 2;
            while (gif[at] != 0) {
                at += 1 + (gif[at] & 0xFF);
            }
            at++;
        }
        if (gif[at] != 0x2C) {
            throw new IllegalStateException("no image descriptor at " + at);
        }
        return at;
    }

    /**
     * A GIF that stays well formed but whose image data stops after its first sub-block: the block terminator and
     * the trailer follow at once, so a reader sees a clean end long before the last row.
     */
    private static byte[] gifEndingAfterOneDataBlock(byte[] gif) {
        int firstBlock = gifImageData(gif);
        int end = firstBlock + 1 + (gif[firstBlock] & 0xFF);
        byte[] shortened = Arrays.copyOf(gif, end + 2);
        shortened[end] = 0; // block terminator
        shortened[end + 1] = 0x3B; // trailer
        return shortened;
    }

    /** The offset of the first LZW sub-block's length byte: after the descriptor, any local colour table and the code size. */
    private static int gifImageData(byte[] gif) {
        int descriptor = gifImageDescriptor(gif);
        int at = descriptor + 10;
        if ((gif[descriptor + 9] & 0x80) != 0) {
            at += 3 * (1 << ((gif[descriptor + 9] & 0x07) + 1));
        }
        return at + 1;
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        ByteBuffer segment = ByteBuffer.allocate(2 + length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) length).put(payload);
        return segment.array();
    }

    /** Writes every case into {@code folder}; returns the files by name. */
    public static Map<String, Path> writeAll(Path folder, List<Case> cases) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Case c : cases) {
            files.put(c.name(), TestImages.save(folder, c.name(), c.bytes()));
        }
        return files;
    }
}
