package ai.haski.desktop.ui.notice;

/** Where a part of the app tells the user something: made before any ViewModel, so none needs another to post. */
@FunctionalInterface
public interface NoticeSink {
    void post(Notice notice);
}
