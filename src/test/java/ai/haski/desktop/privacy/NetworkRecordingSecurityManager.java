package ai.haski.desktop.privacy;

import java.net.NetPermission;
import java.net.SocketPermission;
import java.security.Permission;

/**
 * A security manager that allows everything but writes a line to stderr for every network permission the JVM asks
 * for: connecting, listening, accepting, resolving a host name, multicast, and Unix-domain sockets. The JDK asks for
 * these before every socket and channel operation and every name lookup made from Java code, whichever library
 * makes it, so a run that prints no such line made none of them.
 *
 * <p>Installed at JVM start with {@code -Djava.security.manager=ai.haski.desktop.privacy.NetworkRecordingSecurityManager}
 * (deprecated since Java 17, but still supported there). It depends on nothing outside the JDK, so it can be put on
 * the class path of the packaged application alone.
 */
public final class NetworkRecordingSecurityManager extends SecurityManager {
    /** The prefix of every recorded line. */
    public static final String MARK = "NETWORK ATTEMPT: ";

    private static final ThreadLocal<Boolean> RECORDING = new ThreadLocal<>();

    @Override
    public void checkPermission(Permission permission) {
        if (permission instanceof SocketPermission
                || permission instanceof NetPermission && permission.getName().contains("UnixDomainSocket")) {
            record(permission);
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    private static void record(Permission permission) {
        if (RECORDING.get() != null) {
            return; // printing must not record itself
        }
        RECORDING.set(Boolean.TRUE);
        try {
            System.err.println(MARK + permission.getClass().getSimpleName() + " " + permission.getName() + " "
                    + permission.getActions() + " from " + Thread.currentThread().getName());
            System.err.flush();
        } finally {
            RECORDING.remove();
        }
    }
}
