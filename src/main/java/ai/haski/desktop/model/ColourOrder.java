package ai.haski.desktop.model;

/** The order of colour channels the network expects. */
public enum ColourOrder {
    RGB,
    BGR
}
