package io.shoudan.store.policy;

import io.shoudan.store.audit.Operator;

import java.time.OffsetDateTime;

/**
 * One stored version of the eligibility policy. The store keeps the document as the JSON text it
 * was given; reading it into a {@link io.shoudan.policy.Policy} is the server's job, which also
 * validates it before saving.
 *
 * @param document the policy document (JSON text of SCENARIO.md's {@code policy} section)
 * @param comment  why the change was made, as its author wrote it
 */
public record PolicyVersion(
        PolicyVersionNumber number,
        String document,
        OffsetDateTime createdAt,
        Operator author,
        String comment) {

    public static final int COMMENT_LENGTH_MAX = 1000;

    public PolicyVersion {
        if (number == null || document == null || createdAt == null || author == null || comment == null) {
            throw new IllegalArgumentException("a policy version needs number, document, createdAt, author and comment");
        }
        if (document.isBlank()) {
            throw new IllegalArgumentException("a policy document must not be blank");
        }
        if (comment.length() > COMMENT_LENGTH_MAX) {
            throw new IllegalArgumentException("a policy change comment is at most " + COMMENT_LENGTH_MAX + " characters");
        }
    }
}
