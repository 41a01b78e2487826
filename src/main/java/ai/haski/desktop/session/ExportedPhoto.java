package ai.haski.desktop.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything an export says about one photo: its results from every model and its whole review history. */
record ExportedPhoto(Photo photo, ReviewState reviewState, List<StoredResult> results, List<Verdict> verdicts,
        List<Flag> flags, List<Note> notes) {

    Map<String, Verdict> currentVerdicts() {
        return Reviews.current(verdicts);
    }

    Optional<Flag> currentFlag() {
        return flags.isEmpty() || !flags.get(flags.size() - 1).flagged() ? Optional.empty()
                : Optional.of(flags.get(flags.size() - 1));
    }

    Optional<Note> currentNote() {
        return notes.isEmpty() || notes.get(notes.size() - 1).text().isEmpty() ? Optional.empty()
                : Optional.of(notes.get(notes.size() - 1));
    }
}
