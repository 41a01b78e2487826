package ai.haski.desktop.ui.result;

/** One label of a head and how much of the probability it got, ready to draw as a bar. */
public record LabelShare(String label, double probability, String percentText, boolean top) {}
