package org.retailcx.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @Test
    void mintedTokenVerifiesAgainstThePublicKeyAndCarriesRoles() throws Exception {
        DevTokens tokens = DevTokens.inMemory();
        String jwt = tokens.mint("alice", Set.of("analyst", "admin"), Duration.ofHours(1));

        JwtClaims claims = consumer(publicKeyFromPem(tokens.publicKeyPem()), DevTokens.DEFAULT_ISSUER).processToClaims(jwt);
        assertEquals("alice", claims.getSubject());
        assertEquals("alice", claims.getStringClaimValue("upn"));
        assertEquals(Set.of("analyst", "admin"), Set.copyOf(claims.getStringListClaimValue("groups")));
        assertEquals(DevTokens.DEFAULT_ISSUER, claims.getIssuer());
        assertTrue(claims.getJwtId() != null && !claims.getJwtId().isBlank());
        long ttl = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(3600, ttl);

        // another key pair does not verify it
        DevTokens other = DevTokens.inMemory();
        assertThrows(InvalidJwtException.class,
                () -> consumer(other.publicKey(), DevTokens.DEFAULT_ISSUER).processToClaims(jwt));
        assertThrows(IllegalStateException.class, tokens::publicKeyPath);
    }

    @Test
    void aRepsTokenCarriesTheirEmployeeIdAndTheCliMintsItFromTheSubject(@TempDir Path dir) throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(dir.resolve("jwt"));
        JwtClaims rep = consumer(tokens.publicKey(), DevTokens.DEFAULT_ISSUER).processToClaims(tokens.mint(
                "REP-0001", Set.of("sales-rep"), Duration.ofHours(1), Map.of(DevTokens.REP_ID_CLAIM, "REP-0001")));
        assertEquals("REP-0001", rep.getStringClaimValue(DevTokens.REP_ID_CLAIM));

        // ./suite token sales-rep REP-0001: the subject is the rep id; other roles, or no subject, carry none
        String cli = InfraMain.token(Map.of("data-dir", dir.toString(), "role", "sales-rep", "subject", "REP-0001"));
        assertEquals("REP-0001", consumer(tokens.publicKey(), DevTokens.DEFAULT_ISSUER).processToClaims(cli)
                .getStringClaimValue(DevTokens.REP_ID_CLAIM));
        String admin = InfraMain.token(Map.of("data-dir", dir.toString(), "role", "admin", "subject", "ops"));
        assertFalse(consumer(tokens.publicKey(), DevTokens.DEFAULT_ISSUER).processToClaims(admin)
                .hasClaim(DevTokens.REP_ID_CLAIM));
        String anonymousRep = InfraMain.token(Map.of("data-dir", dir.toString(), "role", "sales-rep"));
        assertFalse(consumer(tokens.publicKey(), DevTokens.DEFAULT_ISSUER).processToClaims(anonymousRep)
                .hasClaim(DevTokens.REP_ID_CLAIM));
    }

    @Test
    void thePseudonymKeyIsGeneratedOnceAndKeptSecret(@TempDir Path dir) throws Exception {
        String key = DevTokens.pseudonymKey(dir);
        assertEquals(32, Base64.getDecoder().decode(key).length);
        assertEquals(key, DevTokens.pseudonymKey(dir), "stable across restarts");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("pii-pseudonym.key"))));
        assertNotEquals(key, DevTokens.pseudonymKey(dir.resolve("other")));
    }

    @Test
    void keysArePersistedAsPemAndReloaded(@TempDir Path dir) throws Exception {
        DevTokens first = DevTokens.loadOrCreate(dir, "https://issuer.test");
        Path priv = dir.resolve(DevTokens.PRIVATE_KEY_FILE);
        Path pub = dir.resolve(DevTokens.PUBLIC_KEY_FILE);
        assertEquals(pub, first.publicKeyPath());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
        assertTrue(Files.readString(priv).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(pub).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertEquals(first.publicKeyPem(), Files.readString(pub));

        DevTokens second = DevTokens.loadOrCreate(dir, "https://issuer.test");
        assertEquals(first.publicKey(), second.publicKey(), "same key pair after reload");
        String jwt = second.mint("bob", Set.of("viewer"), Duration.ofMinutes(5));
        JwtClaims claims = consumer(publicKeyFromPem(Files.readString(pub)), "https://issuer.test").processToClaims(jwt);
        assertEquals(java.util.List.of("viewer"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void tokenCommandPrintsAVerifiableToken(@TempDir Path dir) throws Exception {
        String jwt = InfraMain.token(InfraMain.parseOptions(new String[] {
            "--data-dir", dir.toString(), "--role", "marketing,admin", "--subject", "carol", "--ttl-hours", "2"}));
        PublicKey key = publicKeyFromPem(Files.readString(dir.resolve("jwt").resolve(DevTokens.PUBLIC_KEY_FILE)));
        JwtClaims claims = consumer(key, DevTokens.DEFAULT_ISSUER).processToClaims(jwt);
        assertEquals("carol", claims.getSubject());
        assertEquals(Set.of("marketing", "admin"), Set.copyOf(claims.getStringListClaimValue("groups")));
        assertEquals(7200, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    private static JwtConsumer consumer(PublicKey key, String issuer) {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setExpectedIssuer(issuer)
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    static PublicKey publicKeyFromPem(String pem) throws Exception {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    }
}
