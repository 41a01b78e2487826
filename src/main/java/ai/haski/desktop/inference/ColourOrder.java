package ai.haski.desktop.inference;

/** Which colour the tensor's channel 0, 1 and 2 hold: red-green-blue, or blue-green-red as Caffe-era models expect. */
public enum ColourOrder {
    RGB,
    BGR
}
