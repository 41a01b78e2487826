package ai.haski.desktop.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides whether {@code /api/v1/analyze/file} may read a path: only inside the one folder the user allowed,
 * with no {@code ..} and no symbolic link leading out of it (the real path is what is checked).
 */
final class PathPolicy {
    private final Optional<Path> realRoot;

    PathPolicy(Optional<Path> allowedRoot) throws IOException {
        this.realRoot = allowedRoot.isEmpty() ? Optional.empty() : Optional.of(allowedRoot.get().toRealPath());
    }

    boolean enabled() {
        return realRoot.isPresent();
    }

    /** The file to analyse, or an error saying why the path is refused. */
    Path resolve(String requested) throws ApiException {
        Path root = realRoot.orElseThrow(() -> new ApiException(new ApiError(403, "PATHS_DISABLED",
                "analysing local paths is disabled; start serve with --allow-paths DIR to allow one folder")));
        if (requested == null || requested.isBlank()) {
            throw new ApiException(new ApiError(400, "BAD_REQUEST", "send {\"path\": \"...\"} with a file path"));
        }
        if (requested.indexOf('\0') >= 0) {
            throw new ApiException(new ApiError(400, "BAD_REQUEST", "the path contains a NUL character"));
        }
        Path path = Path.of(requested);
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw outside(requested);
            }
        }
        Path absolute = path.isAbsolute() ? path : root.resolve(path);
        if (!absolute.normalize().startsWith(root)) {
            throw outside(requested);
        }
        if (!Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(absolute)) {
            throw new ApiException(new ApiError(404, "FILE_NOT_FOUND", requested + " does not exist"));
        }
        try {
            Path real = absolute.toRealPath();
            if (!real.startsWith(root)) {
                throw outside(requested);
            }
            return real;
        } catch (IOException e) {
            // A dangling symbolic link, or a file that vanished between the two checks.
            throw new ApiException(new ApiError(404, "FILE_NOT_FOUND", requested + " cannot be resolved: "
                    + e.getMessage()));
        }
    }

    private ApiException outside(String requested) {
        return new ApiException(new ApiError(403, "PATH_NOT_ALLOWED", requested
                + " is outside the folder allowed with --allow-paths (" + realRoot.orElseThrow() + ")"));
    }
}
