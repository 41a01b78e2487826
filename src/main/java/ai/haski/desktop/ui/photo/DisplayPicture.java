package ai.haski.desktop.ui.photo;

/**
 * A photo decoded for the screen: upright pixels (possibly subsampled) and the size of the original, so that
 * "actual size" can mean one screen pixel per pixel of the original.
 */
public record DisplayPicture(ArgbPixels pixels, int originalWidth, int originalHeight, String format) {}
