package org.retailcx.platform.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.problem.ProblemTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Idempotency-Key bookkeeping inside the caller's write transaction: the key is claimed first and the response
 * recorded in that same transaction; a retry with the same key and body gets the first response back (header
 * {@code Idempotent-Replayed: true}) and writes nothing; the same key with a different body is refused (422).
 * A concurrent duplicate waits on the first one's key row and then replays it.
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    /** What a write answers: status and JSON body. */
    public record Outcome(int status, Object body) {
    }

    private final ObjectMapper mapper;

    public IdempotentWrites(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A response stored under an Idempotency-Key. */
    public record Stored(int status, JsonNode body) {
    }

    /**
     * Claims {@code key} in the caller's transaction: empty when it is new (the caller writes, then
     * {@link #record}s its response in the same transaction), else the response stored for it. A concurrent
     * duplicate waits on the first one's key row. The same key with another body is refused (422).
     */
    public Uni<Optional<Stored>> claim(SqlConnection tx, String scope, String key, String requestSha256) {
        checkKey(key);
        return tx.preparedQuery("""
                insert into platform.idempotency_keys (scope, idempotency_key, request_sha256)
                values ($1, $2, $3) on conflict do nothing""")
                .execute(Tuple.of(scope, key, requestSha256))
                .chain(inserted -> inserted.rowCount() == 1
                        ? Uni.createFrom().item(Optional.<Stored>empty())
                        : tx.preparedQuery("""
                                select request_sha256, response_status, response_body::text
                                from platform.idempotency_keys where scope = $1 and idempotency_key = $2""")
                                .execute(Tuple.of(scope, key))
                                .map(rows -> {
                                    Row row = rows.iterator().next();
                                    if (!row.getString(0).equals(requestSha256)) {
                                        throw ProblemException.unprocessable(ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                                                "Idempotency-Key reused", "This Idempotency-Key was already used "
                                                        + "with a different request body; use a new key for a new request");
                                    }
                                    return Optional.of(new Stored(row.getInteger(1), readTree(row.getString(2))));
                                }));
    }

    public Uni<Void> record(SqlConnection tx, String scope, String key, Outcome outcome) {
        return tx.preparedQuery("""
                update platform.idempotency_keys set response_status = $3, response_body = $4::text::jsonb
                where scope = $1 and idempotency_key = $2""")
                .execute(Tuple.of(scope, key, outcome.status(), json(outcome.body())))
                .replaceWithVoid();
    }

    public static void checkKey(String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
    }



    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
