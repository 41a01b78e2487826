package ai.haski.desktop.session;

import java.util.List;

/**
 * What a scan of the session folder found: photos new to the session, photos gone missing, missing photos that came
 * back, photos whose file changed, how many are present in all, non-image files skipped, and problems met (unreadable
 * folders, link loops, pipes), each naming the path.
 */
public record ScanReport(int added, int nowMissing, int returned, int changed, int present, int skippedNonImages,
        List<String> problems) {
    public ScanReport {
        problems = List.copyOf(problems);
    }
}
