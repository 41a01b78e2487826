package ai.haski.desktop.ui.session;

import ai.haski.desktop.image.LruCache;
import ai.haski.desktop.image.Thumbnail;
import ai.haski.desktop.image.ThumbnailStore;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The review grid's thumbnails: asked for by the cells on screen, made on a small pool of their own, kept in memory
 * up to a byte cap (least recently used forgotten first) and on disk by the {@link ThumbnailStore}. A cell that
 * scrolls away cancels its request, so a fast scroll through 10,000 photos decodes only what stopped on screen.
 * Call on the UI thread.
 */
public final class GridThumbnails {
    /** Memory for thumbnails: about 800 of 160 x 120, several screens of grid. */
    public static final long MEMORY_BYTES = 64L * 1024 * 1024;

    /** What a cell shows: the picture, or why there is none. */
    public sealed interface Shown permits Ready, Unreadable {}

    public record Ready(Thumbnail thumbnail) implements Shown {}

    /** The photo could not be read; {@code message} says why, for the user. */
    public record Unreadable(String message) implements Shown {}

    /** A request that a cell may cancel when it shows another photo. */
    public static final class Request {
        static final Request DONE = new Request();
        private volatile boolean cancelled;
        private BackgroundTask<?> task;

        public void cancel() {
            cancelled = true;
            if (task != null) {
                task.cancel();
            }
        }

        boolean cancelled() {
            return cancelled;
        }
    }

    private final ThumbnailStore store;
    private final TaskExecutor pool;
    private final LruCache<String, Shown> memory;

    public GridThumbnails(ThumbnailStore store, TaskExecutor pool, long memoryBytes) {
        this.store = store;
        this.pool = pool;
        this.memory = new LruCache<>(memoryBytes, shown -> shown instanceof Ready ready ? ready.thumbnail().bytes()
                : 64);
    }

    public int side() {
        return store.side();
    }

    /**
     * Hands {@code done} the photo's thumbnail: at once when it is in memory, else later on the UI thread unless the
     * request was cancelled first.
     */
    public Request request(Path root, Photo photo, Consumer<Shown> done) {
        String key = key(root, photo);
        Optional<Shown> known = memory.get(key);
        if (known.isPresent()) {
            done.accept(known.get());
            return Request.DONE;
        }
        Request request = new Request();
        Path file = photo.resolveIn(root);
        request.task = pool.execute(BackgroundTask.of("thumbnail " + photo.relativePath(), () -> {
            // Skipped, not decoded, when the cell scrolled away while this waited its turn.
            return request.cancelled() ? null : store.thumbnail(file);
        }).onSuccess(thumbnail -> {
            if (thumbnail != null) {
                Shown shown = new Ready(thumbnail);
                memory.put(key, shown);
                done.accept(shown);
            }
        }).onFailure(error -> {
            Shown shown = new Unreadable(error.getMessage());
            memory.put(key, shown);
            done.accept(shown);
        }));
        return request;
    }

    /** How many thumbnails are held in memory now, and their bytes: for the scale check. */
    public int inMemory() {
        return memory.size();
    }

    public long memoryBytes() {
        return memory.weight();
    }

    /** A photo edited since (another size or time, as the scan saw it) is another key, so its new thumbnail is made. */
    private static String key(Path root, Photo photo) {
        return root + "\n" + photo.relativePath() + "\n" + photo.sizeBytes() + "\n" + photo.modifiedMillis();
    }
}
