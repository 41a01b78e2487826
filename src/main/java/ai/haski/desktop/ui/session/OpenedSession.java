package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import java.util.List;

/**
 * A session just opened, with everything the screen shows of it, read off the UI thread.
 *
 * @param rows in the folder's order, or in blinded reading in the reviewer's own shuffled order
 * @param blinded whether the session is in blinded reading
 */
record OpenedSession(Session session, List<ReviewRow> rows, RowSummary summary, List<ModelKey> models,
        boolean blinded) {}
