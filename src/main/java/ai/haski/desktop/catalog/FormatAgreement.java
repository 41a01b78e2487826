package ai.haski.desktop.catalog;

/** How closely two formats of one network agree on the sample image, and the difference allowed. */
public record FormatAgreement(double maxRawDifference, double maxProbabilityDifference, double tolerance) {}
