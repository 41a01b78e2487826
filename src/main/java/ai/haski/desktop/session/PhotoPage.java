package ai.haski.desktop.session;

import java.util.List;

/** One page of a listing, and how many photos match the query in all. */
public record PhotoPage(List<PhotoRow> rows, int total) {
    public PhotoPage {
        rows = List.copyOf(rows);
    }
}
