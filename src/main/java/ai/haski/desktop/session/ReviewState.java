package ai.haski.desktop.session;

/**
 * Where a photo stands in review. A flag outranks verdicts; one overridden head makes the photo overridden; a photo
 * with verdicts that are all acceptances is accepted.
 */
public enum ReviewState {
    UNREVIEWED, ACCEPTED, OVERRIDDEN, FLAGGED
}
