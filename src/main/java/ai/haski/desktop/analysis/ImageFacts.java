package ai.haski.desktop.analysis;

/** The analysed photo as stored: its upright size, EXIF orientation and file format. */
public record ImageFacts(int width, int height, int orientation, String format) {}
