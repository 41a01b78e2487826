package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import java.util.List;

/** A session just opened, with everything the screen shows of it, read off the UI thread. */
record OpenedSession(Session session, List<ReviewRow> rows, RowSummary summary, List<ModelKey> models) {}
