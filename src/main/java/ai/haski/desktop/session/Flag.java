package ai.haski.desktop.session;

import java.time.Instant;

/** A photo flagged for a second look (or the flag taken off), with why, by whom and when; kept as history. */
public record Flag(long id, long photoId, boolean flagged, String reason, String reviewer, Instant at,
        String appVersion) {}
