package ai.haski.desktop.ui.session;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.ui.models.ActiveModelService;
import ai.haski.desktop.ui.models.ActiveModelState;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Test doubles for the session parts: the model service set by hand, dialogs that answer from a script, notices. */
final class SessionParts {
    private SessionParts() {}

    /** The active-model service with its state set by the test. */
    static final class HandDrivenModels implements ActiveModelService {
        final ReadOnlyObjectWrapper<ActiveModelState> state = new ReadOnlyObjectWrapper<>(ActiveModelState.starting());

        @Override
        public ReadOnlyObjectProperty<ActiveModelState> stateProperty() {
            return state.getReadOnlyProperty();
        }
    }

    /** Every notice posted, oldest first. */
    static final class Notices implements NoticeSink {
        final List<Notice> posted = new ArrayList<>();

        @Override
        public void post(Notice notice) {
            posted.add(notice);
        }

        Notice last() {
            return posted.get(posted.size() - 1);
        }
    }

    static final List<String> PHOTOS = List.of("skimage_camera.png", "skimage_coins.png", "phone_debian_logo.jpg");

    static Path folderOfPhotos(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir);
        for (String name : PHOTOS) {
            Files.copy(TestFiles.photo(name), folder.resolve(name));
        }
        return folder;
    }

    static AppPaths paths() {
        return AppPaths.current();
    }
}
