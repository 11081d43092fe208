package org.retailcx.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Development/test JWT issuer: an RSA-2048 key pair and RS256 tokens shaped for MicroProfile JWT
 * (claims iss, sub, upn, groups, iat, exp, jti).
 *
 * <p>Keys are generated at run time, never committed: {@link #loadOrCreate(Path)} keeps them in a directory
 * ({@value #PRIVATE_KEY_FILE} PKCS#8 PEM, mode 600; {@value #PUBLIC_KEY_FILE} X.509 SubjectPublicKeyInfo PEM),
 * {@link #inMemory()} never touches the disk.
 */
public final class DevTokens {

    public static final String DEFAULT_ISSUER = "https://retailcx.dev/issuer";
    public static final String PRIVATE_KEY_FILE = "dev-jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "dev-jwt-public.pem";
    /** The claim naming a sales rep's or manager's employee id (read by the platform's {@code Caller}). */
    public static final String REP_ID_CLAIM = "rep_id";
    private static final Object JVM_LOCK = new Object();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path publicKeyPath;
    private final String issuer;

    private DevTokens(PrivateKey privateKey, PublicKey publicKey, Path publicKeyPath, String issuer) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicKeyPath = publicKeyPath;
        this.issuer = Objects.requireNonNull(issuer);
    }

    /** Loads the key pair from {@code dir}, generating it first if missing. Issuer {@value #DEFAULT_ISSUER}. */
    public static DevTokens loadOrCreate(Path dir) {
        return loadOrCreate(dir, DEFAULT_ISSUER);
    }

    /** Loads the key pair from {@code dir}, generating it first if missing (safe across processes). */
    public static DevTokens loadOrCreate(Path dir, String issuer) {
        Path privatePath = dir.resolve(PRIVATE_KEY_FILE);
        Path publicPath = dir.resolve(PUBLIC_KEY_FILE);
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(dir);
                try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                        FileLock ignored = ch.lock()) {
                    if (!Files.isRegularFile(privatePath) || !Files.isRegularFile(publicPath)) {
                        KeyPair kp = generateKeyPair();
                        writeAtomically(privatePath, pem("PRIVATE KEY", kp.getPrivate().getEncoded()), true);
                        writeAtomically(publicPath, pem("PUBLIC KEY", kp.getPublic().getEncoded()), false);
                    } else if (!Files.getPosixFilePermissions(privatePath)
                            .equals(PosixFilePermissions.fromString("rw-------"))) {
                        Files.setPosixFilePermissions(privatePath, PosixFilePermissions.fromString("rw-------"));
                    }
                    PrivateKey priv = KeyFactory.getInstance("RSA")
                            .generatePrivate(new PKCS8EncodedKeySpec(readPem(privatePath, "PRIVATE KEY")));
                    PublicKey pub = KeyFactory.getInstance("RSA")
                            .generatePublic(new X509EncodedKeySpec(readPem(publicPath, "PUBLIC KEY")));
                    checkPair(priv, pub, dir);
                    return new DevTokens(priv, pub, publicPath, issuer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load or create dev JWT keys in " + dir, e);
            } catch (GeneralSecurityException e) {
                throw new InfraException("Invalid dev JWT key files in " + dir + ": " + e.getMessage()
                        + " (delete them to regenerate)", e);
            }
        }
    }

    /**
     * The development key of the pseudonyms data scientists see instead of personal identifiers: 32 random bytes,
     * Base64, kept in {@code dir/pii-pseudonym.key} (mode 600) so that pseudonyms stay stable across restarts.
     */
    public static String pseudonymKey(Path dir) {
        Path file = dir.resolve("pii-pseudonym.key");
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(dir);
                try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                        FileLock ignored = ch.lock()) {
                    if (!Files.isRegularFile(file)) {
                        byte[] key = new byte[32];
                        new java.security.SecureRandom().nextBytes(key);
                        writeAtomically(file, Base64.getEncoder().encodeToString(key), true);
                    }
                    return Files.readString(file, StandardCharsets.US_ASCII).trim();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load or create the pseudonym key in " + dir, e);
            }
        }
    }

    /** A fresh in-memory key pair (nothing written to disk), issuer {@value #DEFAULT_ISSUER}. */
    public static DevTokens inMemory() {
        return inMemory(DEFAULT_ISSUER);
    }

    /** A fresh in-memory key pair (nothing written to disk). */
    public static DevTokens inMemory(String issuer) {
        KeyPair kp = generateKeyPair();
        return new DevTokens(kp.getPrivate(), kp.getPublic(), null, issuer);
    }

    /** Same keys, another issuer. */
    public DevTokens withIssuer(String newIssuer) {
        return new DevTokens(privateKey, publicKey, publicKeyPath, newIssuer);
    }

    public String issuer() {
        return issuer;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /**
     * Path of {@value #PUBLIC_KEY_FILE} (for {@code mp.jwt.verify.publickey.location}).
     *
     * @throws IllegalStateException for {@link #inMemory()} keys (use {@link #writePublicKey(Path)})
     */
    public Path publicKeyPath() {
        if (publicKeyPath == null) {
            throw new IllegalStateException("in-memory DevTokens have no key file; use writePublicKey(Path)");
        }
        return publicKeyPath;
    }

    /** Writes the public key PEM to {@code file} (e.g. for in-memory keys in tests) and returns it. */
    public Path writePublicKey(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, publicKeyPem(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An RS256 compact JWT: iss, sub, upn (= subject), groups (= roles), iat (now), exp (now + ttl), jti
     * (random UUID).
     */
    public String mint(String subject, Set<String> roles, Duration ttl) {
        return mint(subject, roles, ttl, Map.of());
    }

    /**
     * As {@link #mint(String, Set, Duration)}, with further string claims, e.g. {@value #REP_ID_CLAIM}: the employee
     * id of a sales rep or manager, which their row-level scope is resolved from.
     */
    public String mint(String subject, Set<String> roles, Duration ttl, Map<String, String> claimsToAdd) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(roles, "roles");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", new ArrayList<>(roles));
        claimsToAdd.forEach(claims::setClaim);
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        NumericDate exp = NumericDate.fromSeconds(now.getValue() + Math.max(1, ttl.toSeconds()));
        claims.setExpirationTime(exp);
        claims.setJwtId(java.util.UUID.randomUUID().toString());

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new InfraException("Cannot sign JWT: " + e.getMessage(), e);
        }
    }

    /** Convenience: {@link #mint(String, Set, Duration)} with roles from any collection. */
    public String mint(String subject, Collection<String> roles, Duration ttl) {
        return mint(subject, Set.copyOf(roles), ttl);
    }

    // ------------------------------------------------------------------ PEM helpers

    private static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IOException(file + " is not a '" + type + "' PEM file");
        }
        return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (secret) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void checkPair(PrivateKey priv, PublicKey pub, Path dir) throws GeneralSecurityException {
        if (priv instanceof RSAPrivateCrtKey crt) {
            PublicKey derived = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            if (!derived.equals(pub)) {
                throw new GeneralSecurityException(PUBLIC_KEY_FILE + " does not match " + PRIVATE_KEY_FILE
                        + " in " + dir);
            }
        }
    }
}
