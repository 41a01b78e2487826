package ai.haski.desktop.image;

/**
 * What a decoder does by itself, so that {@link ImageLoader} does the rest once for every decoder.
 *
 * @param scalesWhileDecoding whether it produces a smaller picture than the stored one when asked, instead of the
 *                            loader keeping every n-th pixel afterwards
 * @param convertsColour      whether its pixels are already sRGB; when false they come with the profile they are in
 * @param appliesOrientation  whether its pixels are already upright (HEIF's {@code irot}/{@code imir}), so the EXIF
 *                            orientation tag must not be applied on top
 */
record DecoderCapabilities(boolean scalesWhileDecoding, boolean convertsColour, boolean appliesOrientation) {}
