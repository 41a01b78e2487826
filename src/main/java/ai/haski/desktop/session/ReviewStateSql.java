package ai.haski.desktop.session;

/** The SQL that works out a photo's {@link ReviewState}, shared by single look-ups and listings. */
final class ReviewStateSql {
    /** Evaluates to a {@link ReviewState} name for the photo aliased {@code p}. */
    static final String EXPRESSION = """
            (CASE
               WHEN (SELECT f.flagged FROM flag f WHERE f.photo_id = p.id ORDER BY f.id DESC LIMIT 1) = 1
                 THEN 'FLAGGED'
               WHEN EXISTS (SELECT 1 FROM verdict v WHERE v.photo_id = p.id AND v.action = 'override'
                              AND v.id = (SELECT max(w.id) FROM verdict w WHERE w.photo_id = p.id AND w.head = v.head))
                 THEN 'OVERRIDDEN'
               WHEN EXISTS (SELECT 1 FROM verdict v WHERE v.photo_id = p.id)
                 THEN 'ACCEPTED'
               ELSE 'UNREVIEWED'
             END)""";

    private ReviewStateSql() {}
}
