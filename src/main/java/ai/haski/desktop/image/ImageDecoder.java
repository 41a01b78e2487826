package ai.haski.desktop.image;

import java.nio.file.Path;
import javax.imageio.stream.ImageInputStream;

/**
 * One way of decoding files (ImageIO with TwelveMonkeys' readers, libheif, ...): it reads the header of a file whose
 * content it recognises and hands back an {@link OpenedImage} to decode.
 */
interface ImageDecoder {
    /**
     * @param input the file, positioned at its start; the decoder may read it or open the file itself
     * @throws ImageDecodeException when the file is not of a format this decoder takes, or its header is unusable
     */
    OpenedImage open(Path file, ImageInputStream input) throws ImageDecodeException;
}
