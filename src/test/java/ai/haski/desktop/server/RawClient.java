package ai.haski.desktop.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A hand-written HTTP client on a raw socket, for clients no library would be: slow, half-sent or malformed. */
final class RawClient implements AutoCloseable {
    private final Socket socket;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
    }

    RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawClient send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Everything the server sends until it closes the connection, or until {@code millis} pass. */
    String readUntilClosed(int millis) throws IOException {
        socket.setSoTimeout(millis);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            out.writeBytes("\n<still open>".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** True when the server has closed its side: a read ends instead of waiting. */
    boolean closedByServer(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * POSTs a chunked body of {@code size} bytes (starting with {@code prefix}) and returns everything the server
     * answered. The answer is read on a thread of its own while the body is still being sent: a server that refuses
     * early answers at once and closes after reading only part of a huge body, and a client that reads only after
     * sending (as the JDK's HttpClient may) can lose the answer to the reset that closing with unread data causes.
     */
    static String postChunkedReadingTheAnswer(int port, String path, String contentType, byte[] prefix, long size)
            throws Exception {
        try (RawClient client = new RawClient(port)) {
            StringBuilder answer = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    answer.append(client.readUntilClosed(60_000));
                } catch (IOException e) {
                    answer.append("\n<").append(e.getMessage()).append('>');
                }
            }, "raw-client-reader");
            reader.start();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n";
            try {
                client.send(head);
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = i < prefix.length ? prefix[i] : (byte) ('a' + i % 26);
                }
                for (long sent = 0; sent < size; sent += chunk.length) {
                    client.send(Integer.toHexString(chunk.length) + "\r\n").send(chunk).send("\r\n");
                    if (sent == 0) {
                        // Only the first chunk starts with the prefix; the rest is filler.
                        for (int i = 0; i < prefix.length; i++) {
                            chunk[i] = (byte) ('a' + i % 26);
                        }
                    }
                }
                client.send("0\r\n\r\n");
            } catch (IOException refusedWhileSending) {
                // The server closed before the body ended: expected for a refused body; the answer was read above.
            }
            reader.join(60_000);
            return answer.toString();
        }
    }

    /** Request headers for a POST with a declared body length, ending with the blank line. */
    static String postHead(String path, String contentType, long length, String... extraHeaders) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        head.append("Content-Length: ").append(length).append("\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }
}
