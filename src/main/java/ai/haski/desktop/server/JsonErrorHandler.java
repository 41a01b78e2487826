package ai.haski.desktop.server;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Makes the errors Jetty answers by itself (malformed requests, limits) use the API's JSON error shape too. */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String reason = message != null ? message : HttpStatus.getMessage(code);
        JsonBodies.write(response, callback, code, JsonBodies.error("HTTP_" + code, reason));
    }
}
