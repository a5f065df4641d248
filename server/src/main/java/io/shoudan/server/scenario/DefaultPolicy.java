package io.shoudan.server.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoudan.policy.Policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The policy Shoudan ships (docs/POLICY.md explains every restriction in it and its source). */
public final class DefaultPolicy {

    public static final String RESOURCE = "/io/shoudan/server/policy/default-policy.json";

    private DefaultPolicy() {
    }

    /** Reads the shipped policy; a broken resource is a build defect, so it fails loudly. */
    public static Policy load(PolicyReader reader) {
        try {
            return reader.read(new ObjectMapper().readTree(document()), "default-policy");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped default policy", e);
        }
    }

    /** The shipped policy document as JSON text, e.g. to store it as the first policy version. */
    public static String document() {
        try (InputStream in = DefaultPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped default policy " + RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped default policy", e);
        }
    }
}
