package ai.haski.desktop.ui.dialog;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DialogService} for ViewModel tests: it records every question (title and what it offered) and gives the
 * answers the test prepared, in order; a question with no answer left is cancelled.
 */
public final class ScriptedDialogs implements DialogService {
    /** One question as the ViewModel asked it. */
    public record Question(String kind, String title, String text, List<?> offered, Optional<Path> startFolder) {}

    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<Question> asked = new ArrayList<>();

    /** The next question is answered with {@code answer}: a Path, a SaveTarget, a Boolean, a chosen option or text. */
    public ScriptedDialogs answer(Object answer) {
        answers.add(answer);
        return this;
    }

    /** The next question is cancelled (or, for a confirmation, refused). */
    public ScriptedDialogs cancel() {
        answers.add(Cancelled.INSTANCE);
        return this;
    }

    public List<Question> asked() {
        return asked;
    }

    public List<String> titles() {
        return asked.stream().map(Question::title).toList();
    }

    private enum Cancelled { INSTANCE }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> next(Question question) {
        asked.add(question);
        Object answer = answers.poll();
        return answer == null || answer == Cancelled.INSTANCE ? Optional.empty() : Optional.of((T) answer);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters, Optional<Path> startFolder) {
        return next(new Question("open", title, "", filters, startFolder));
    }

    @Override
    public Optional<SaveTarget> chooseFileToSave(String title, String suggestedName, List<FileFilter> filters,
            Optional<Path> startFolder) {
        return next(new Question("save", title, suggestedName, filters, startFolder));
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return next(new Question("folder", title, "", List.of(), Optional.empty()));
    }

    @Override
    public boolean confirm(String title, String question, String details, String confirmLabel) {
        return this.<Boolean>next(new Question("confirm", title, question + "\n" + details, List.of(confirmLabel),
                Optional.empty())).orElse(false);
    }

    @Override
    public <T> Optional<T> choose(String title, String question, String label, List<T> options, T suggested) {
        return next(new Question("choose", title, question, options, Optional.empty()));
    }

    @Override
    public Optional<String> askText(String title, String question, String label, String initial) {
        return next(new Question("text", title, question, List.of(initial), Optional.empty()));
    }

    @Override
    public void showInformation(String title, String header, String text) {
        asked.add(new Question("information", title, text, List.of(), Optional.empty()));
    }

    @Override
    public void showColumns(String title, String header, String text) {
        asked.add(new Question("columns", title, text, List.of(), Optional.empty()));
    }
}
