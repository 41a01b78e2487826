package ai.haski.desktop.privacy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/**
 * The control for the no-network tests: makes, on loopback only, the kinds of connection a library might make (a
 * name lookup, a plain socket, an NIO channel), so the tests can show that their detectors see each of them.
 */
public final class ConnectProbe {
    private ConnectProbe() {}

    public static void main(String[] args) throws Exception {
        InetAddress loopback = InetAddress.getByName("localhost");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            try (Socket socket = new Socket()) {
                socket.connect(address, 2000);
            }
            try (SocketChannel channel = SocketChannel.open(address)) {
                channel.finishConnect();
            }
        }
        System.out.println("probe connected to " + loopback);
    }
}
