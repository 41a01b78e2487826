package ai.haski.desktop.session;

import java.io.IOException;
import java.util.List;

/** Writes an export, one photo at a time, so that a large session never has to fit in memory. */
interface ExportWriter {

    /** Starts the file. {@code heads} is every head any model reported, in the models' order. */
    void begin(SessionInfo session, List<String> heads) throws IOException;

    void write(ExportedPhoto photo) throws IOException;

    void end() throws IOException;
}
