package io.shoudan.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} text (a query string or a form body) into parameters. */
public final class Forms {

    private Forms() {
    }

    /**
     * Decodes {@code k=v&k=v} with {@code charset}; a key given twice keeps its first value (a client
     * that repeats a parameter gets the value it sent first verified, as the gateway reads it).
     */
    public static Map<String, String> decode(String text, Charset charset) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return parameters;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
            parameters.putIfAbsent(key, value);
        }
        return parameters;
    }
}
