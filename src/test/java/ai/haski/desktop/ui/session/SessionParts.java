package ai.haski.desktop.ui.session;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helpers for the session parts: notices kept in a list, a folder of real photos. */
final class SessionParts {
    private SessionParts() {}

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
