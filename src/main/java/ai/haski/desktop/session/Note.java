package ai.haski.desktop.session;

import java.time.Instant;

/** A reviewer's free-text note on a photo; a later note replaces it, an empty one clears it, and all are kept. */
public record Note(long id, long photoId, String text, String reviewer, Instant at, String appVersion) {}
