package ai.haski.desktop.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** Paged, filtered and sorted listings of a session's photos with their results, for the review grid. */
public final class PhotoListing {
    private final SessionDatabase db;

    PhotoListing(SessionDatabase db) {
        this.db = db;
    }

    /** The page of photos the query asks for, with the total that match it. */
    public PhotoPage list(PhotoQuery query) throws SessionException {
        return db.snapshot("list the photos", c -> {
            Sql count = filtered(query).prefix("SELECT count(*) FROM (").append(")");
            int total;
            try (PreparedStatement statement = count.prepare(c); ResultSet rows = statement.executeQuery()) {
                rows.next();
                total = rows.getInt(1);
            }
            Sql page = filtered(query).append(" LIMIT ? OFFSET ?", query.limit(), query.offset());
            Map<Long, PhotoRow> byId = new LinkedHashMap<>();
            try (PreparedStatement statement = page.prepare(c); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Photo photo = Photos.read(rows);
                    byId.put(photo.id(), new PhotoRow(photo, ReviewState.valueOf(rows.getString("review_state")),
                            List.of()));
                }
            }
            return new PhotoPage(withResults(c, byId), total);
        });
    }

    /**
     * The first photo after {@code after} (in the query's order, ignoring its page and review-state filter) that is
     * unreviewed and matches the query's other filters; with no {@code after}, the first such photo.
     */
    public Optional<Photo> nextUnreviewed(PhotoQuery query, OptionalLong after) throws SessionException {
        PhotoQuery everything = query.withReviewStates(Set.of()).page(0, 1);
        return db.snapshot("find the next photo to review", c -> {
            List<Long> order = ids(c, everything);
            int start = 0;
            if (after.isPresent()) {
                int index = order.indexOf(after.getAsLong());
                start = index < 0 ? 0 : index + 1;
            }
            Set<Long> unreviewed = Set.copyOf(ids(c, everything.withReviewStates(Set.of(ReviewState.UNREVIEWED))));
            for (int i = start; i < order.size(); i++) {
                if (unreviewed.contains(order.get(i))) {
                    return Photos.list(c, "SELECT " + Photos.COLUMNS + " FROM photo p WHERE p.id = ?", order.get(i))
                            .stream().findFirst();
                }
            }
            return Optional.<Photo>empty();
        });
    }

    private static List<Long> ids(Connection c, PhotoQuery query) throws SQLException {
        Sql sql = filtered(query).prefix("SELECT id FROM (").append(")");
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(c); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /** The photos matching every filter, in order, with their review state; no paging. */
    private static Sql filtered(PhotoQuery query) {
        Sql sql = new Sql("SELECT " + Photos.COLUMNS + ", " + ReviewStateSql.EXPRESSION + " AS review_state, ");
        sql.append("(SELECT min(h.top_probability) FROM analysis a JOIN analysis_head h ON h.analysis_id = a.id "
                + "WHERE a.photo_id = p.id");
        modelCondition(sql, query);
        sql.append(") AS min_confidence FROM photo p WHERE 1 = 1");
        query.photoState().ifPresent(state -> sql.append(" AND p.state = ?", state.dbValue()));
        query.label().ifPresent(label -> {
            sql.append(" AND EXISTS (SELECT 1 FROM analysis a JOIN analysis_head h ON h.analysis_id = a.id "
                    + "WHERE a.photo_id = p.id AND h.head = ? AND h.top_label = ?", label.head(), label.label());
            modelCondition(sql, query);
            sql.append(")");
        });
        query.confidence().ifPresent(confidence -> {
            sql.append(" AND EXISTS (SELECT 1 FROM analysis a JOIN analysis_head h ON h.analysis_id = a.id "
                    + "WHERE a.photo_id = p.id AND h.top_probability < ?", confidence.below());
            confidence.head().ifPresent(head -> sql.append(" AND h.head = ?", head));
            modelCondition(sql, query);
            sql.append(")");
        });
        if (query.failuresOnly()) {
            sql.append(" AND EXISTS (SELECT 1 FROM analysis a WHERE a.photo_id = p.id AND a.error_code IS NOT NULL");
            modelCondition(sql, query);
            sql.append(")");
        }
        if (query.poorQualityOnly()) {
            sql.append(" AND EXISTS (SELECT 1 FROM analysis a WHERE a.photo_id = p.id AND a.quality_verdict = 'poor'");
            modelCondition(sql, query);
            sql.append(")");
        }
        Sql outer = sql.prefix("SELECT * FROM (").append(") p");
        if (!query.reviewStates().isEmpty()) {
            outer.append(" WHERE p.review_state IN (" + query.reviewStates().stream().map(s -> "?")
                    .collect(Collectors.joining(", ")) + ")", query.reviewStates().stream().map(Enum::name).toArray());
        }
        outer.append(switch (query.sort()) {
            case PATH -> " ORDER BY p.rel_path";
            case NEWEST -> " ORDER BY p.added_at DESC, p.id DESC";
            case LOWEST_CONFIDENCE -> " ORDER BY p.min_confidence IS NULL, p.min_confidence, p.rel_path";
        });
        return outer;
    }

    private static void modelCondition(Sql sql, PhotoQuery query) {
        query.model().ifPresent(model -> sql.append(" AND a.model_sha256 = ? AND a.format = ?", model.sha256(),
                model.format()));
    }

    private static List<PhotoRow> withResults(Connection c, Map<Long, PhotoRow> byId) throws SQLException {
        if (byId.isEmpty()) {
            return List.of();
        }
        String ids = byId.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
        Map<Long, List<StoredResult>> results = new LinkedHashMap<>();
        for (StoredResult result : Results.list(c, "WHERE a.photo_id IN (" + ids + ") ORDER BY a.id")) {
            results.computeIfAbsent(result.photoId(), id -> new ArrayList<>()).add(result);
        }
        List<PhotoRow> rows = new ArrayList<>();
        for (PhotoRow row : byId.values()) {
            rows.add(new PhotoRow(row.photo(), row.reviewState(), results.getOrDefault(row.photo().id(), List.of())));
        }
        return rows;
    }

    /** SQL text and its parameters, built together so that they cannot get out of step. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<Object> parameters = new ArrayList<>();

        Sql(String start) {
            text = new StringBuilder(start);
        }

        Sql append(String more, Object... values) {
            text.append(more);
            parameters.addAll(List.of(values));
            return this;
        }

        Sql prefix(String before) {
            text.insert(0, before);
            return this;
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement statement = c.prepareStatement(text.toString());
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }
    }
}
