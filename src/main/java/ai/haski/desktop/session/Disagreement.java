package ai.haski.desktop.session;

/** A photo and head where two models' top labels differ. */
public record Disagreement(long photoId, String relativePath, String head, String labelA, double probabilityA,
        String labelB, double probabilityB) {}
