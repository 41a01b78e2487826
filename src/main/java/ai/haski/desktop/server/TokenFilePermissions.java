package ai.haski.desktop.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/** Says when the token file can be read by other users of the machine, who could then send photos as the owner. */
public final class TokenFilePermissions {
    private TokenFilePermissions() {}

    /** A warning for the user, or empty when the file is private (or the file system has no POSIX permissions). */
    public static Optional<String> warning(Path tokenFile) {
        PosixFileAttributeView view = Files.getFileAttributeView(tokenFile, PosixFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean others = permissions.contains(PosixFilePermission.OTHERS_READ);
        boolean group = permissions.contains(PosixFilePermission.GROUP_READ);
        if (!others && !group) {
            return Optional.empty();
        }
        return Optional.of("the token file " + tokenFile + " can be read by " + (others ? "every user" : "its group")
                + " on this machine; make it private with `chmod 600 " + tokenFile + "`");
    }
}
