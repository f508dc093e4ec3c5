package no.samrad.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The keys of one signer of Samråd's (the audit log, the local token issuer), kept in a directory
 * that every instance reads: the current key pair ({@code private-key.pem}, {@code public-key.pem})
 * and, in {@code retired/}, the public keys of the keys it replaced, which still verify what they
 * signed. Each key is named by its JWK thumbprint (RFC 7638), so that a signature names its key
 * and anyone can compute the name from the public key alone.
 *
 * <p>A rotation ({@link #rotate}) moves the current public key into {@code retired/} and makes a
 * new pair: what was signed before keeps verifying, and a verifier that knows only the older set
 * learns the new key from the set the service publishes.
 */
public final class KeyRing {

    static final String RETIRED = "retired";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** An Ed25519 SubjectPublicKeyInfo is this fixed prefix and then the 32 bytes of the key. */
    private static final int ED25519_PREFIX = 12;

    /** A key of the ring: its id (the JWK thumbprint), its public key, and whether it signs now. */
    public record Key(String id, PublicKey publicKey, boolean current) {

        /** The key as a JSON Web Key (RFC 7517; RFC 8037 for Ed25519): its members, kid, alg and use. */
        public Map<String, String> jwk() {
            Map<String, String> jwk = new LinkedHashMap<>(members(publicKey));
            jwk.put("kid", id);
            jwk.put("alg", "RSA".equals(publicKey.getAlgorithm()) ? "RS256" : "EdDSA");
            jwk.put("use", "sig");
            return jwk;
        }
    }

    /** The key that signs now: its id and its private key. */
    public record SigningKey(String id, PrivateKey privateKey) {
    }

    private final Path directory;
    private final SigningKey signing;
    private final List<Key> keys;
    private final List<String> files;

    private KeyRing(Path directory, SigningKey signing, List<Key> keys, List<String> files) {
        this.directory = directory;
        this.signing = signing;
        this.keys = List.copyOf(keys);
        this.files = files;
    }

    /**
     * The ring in {@code directory} of keys of {@code algorithm} ("RSA", "Ed25519"). Without a
     * current key pair there, one is made when {@code generateMissing} (the embedded default, where
     * the directory is the instance's own); otherwise the start fails, naming {@code setting}, for
     * instances that made keys of their own would sign what the others cannot verify.
     */
    public static synchronized KeyRing load(Path directory, String algorithm, boolean generateMissing,
                                            String setting) {
        List<String> files = files(directory);
        Optional<KeyPair> current = KeyPairFiles.read(directory, algorithm);
        if (current.isEmpty()) {
            if (!generateMissing) {
                throw new IllegalStateException("There is no " + algorithm
                        + " key pair (private-key.pem, public-key.pem) in " + directory.toAbsolutePath().normalize()
                        + ". Every instance must sign with the same keys: put them there (or point " + setting
                        + " at them), or make them once with 'java -jar quarkus-run.jar keys --dir " + directory
                        + " --algorithm " + algorithm + "'.");
            }
            current = Optional.of(KeyPairFiles.create(directory, algorithm));
        }
        KeyPair pair = current.get();
        String currentId = thumbprint(pair.getPublic());
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(currentId, pair.getPublic(), true));
        for (PublicKey retired : retired(directory.resolve(RETIRED), algorithm)) {
            String id = thumbprint(retired);
            if (keys.stream().noneMatch(key -> key.id().equals(id))) {
                keys.add(new Key(id, retired, false));
            }
        }
        return new KeyRing(directory, new SigningKey(currentId, pair.getPrivate()), keys, files);
    }

    /**
     * Whether the directory's files have changed since the ring was read (a rotation, or a key
     * added by hand), judged by their names, sizes and times alone: a reader that meets a key it
     * does not know reads the ring again only then.
     */
    public boolean isOutdated() {
        return !files.equals(files(directory));
    }

    private static List<String> files(Path directory) {
        List<String> files = new ArrayList<>();
        for (Path folder : List.of(directory, directory.resolve(RETIRED))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> listed = Files.list(folder)) {
                for (Path file : listed.sorted().toList()) {
                    files.add(file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not list the keys in " + folder, e);
            }
        }
        return files;
    }

    /**
     * Retires the current key of the ring in {@code directory} and makes a new one; answers the new
     * ring. The retired public key stays, in {@code retired/<id>.pem}; the new private key replaces
     * the old one.
     */
    public static synchronized KeyRing rotate(Path directory, String algorithm) {
        KeyPair old = KeyPairFiles.read(directory, algorithm).orElseThrow(() -> new IllegalStateException(
                "There is no " + algorithm + " key pair in " + directory + " to rotate"));
        try {
            Path retired = directory.resolve(RETIRED);
            Files.createDirectories(retired);
            Files.writeString(retired.resolve(thumbprint(old.getPublic()) + ".pem"),
                    KeyPairFiles.pem("PUBLIC KEY", old.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not retire the key in " + directory, e);
        }
        KeyPairFiles.create(directory, algorithm);
        return load(directory, algorithm, false, directory.toString());
    }

    public SigningKey signingKey() {
        return signing;
    }

    /** The current key first, then the retired ones. */
    public List<Key> keys() {
        return keys;
    }

    public Key current() {
        return keys.get(0);
    }

    public Optional<Key> key(String id) {
        return keys.stream().filter(key -> key.id().equals(id)).findFirst();
    }

    /** The ring as a JWK Set (RFC 7517 section 5): every key that verifies, the current one first. */
    public Map<String, List<Map<String, String>>> jwks() {
        return Map.of("keys", keys.stream().map(Key::jwk).toList());
    }

    /**
     * The key's JWK thumbprint (RFC 7638): the SHA-256 of its required members in lexical order,
     * without white space, in base64url.
     */
    public static String thumbprint(PublicKey key) {
        Map<String, String> members = members(key);
        String canonical = "{" + members.keySet().stream().sorted()
                .map(name -> "\"" + name + "\":\"" + members.get(name) + "\"")
                .reduce((a, b) -> a + "," + b).orElseThrow() + "}";
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWK members that identify a public key: kty, n and e for RSA; kty, crv and x for Ed25519. */
    static Map<String, String> members(PublicKey key) {
        Map<String, String> members = new LinkedHashMap<>();
        if (key instanceof RSAPublicKey rsa) {
            members.put("kty", "RSA");
            members.put("n", BASE64URL.encodeToString(unsigned(rsa.getModulus())));
            members.put("e", BASE64URL.encodeToString(unsigned(rsa.getPublicExponent())));
        } else if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
            byte[] encoded = key.getEncoded();
            members.put("kty", "OKP");
            members.put("crv", "Ed25519");
            members.put("x", BASE64URL.encodeToString(Arrays.copyOfRange(encoded, ED25519_PREFIX, encoded.length)));
        } else {
            throw new IllegalArgumentException("Not a key Samråd signs with: " + key.getAlgorithm());
        }
        return members;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static List<PublicKey> retired(Path directory, String algorithm) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            KeyFactory factory = KeyFactory.getInstance(algorithm);
            List<PublicKey> keys = new ArrayList<>();
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                keys.add(factory.generatePublic(new X509EncodedKeySpec(KeyPairFiles.readPem(file))));
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the retired keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A retired key in " + directory + " is not a " + algorithm
                    + " public key (PEM, SubjectPublicKeyInfo)", e);
        }
    }
}
