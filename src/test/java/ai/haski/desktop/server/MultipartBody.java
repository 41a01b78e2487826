package ai.haski.desktop.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body with one file field, as a browser or curl -F would send it. */
final class MultipartBody {
    final String boundary = "haski-" + UUID.randomUUID();
    final byte[] bytes;

    MultipartBody(String field, String fileName, byte[] content) {
        this(field, fileName, content, java.util.Map.of());
    }

    /** The file field, then one plain form field per entry of {@code fields}. */
    MultipartBody(String field, String fileName, byte[] content, java.util.Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        bytes = out.toByteArray();
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }
}
