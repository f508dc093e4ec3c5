package no.samrad.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * A key pair kept as two PEM files in a directory ({@code public-key.pem}, readable by anyone;
 * {@code private-key.pem}, by the owner only), as {@link KeyRing} keeps its current key.
 */
public final class KeyPairFiles {

    private static final String PRIVATE_KEY = "private-key.pem";
    private static final String PUBLIC_KEY = "public-key.pem";

    private KeyPairFiles() {
    }

    /** The pair of {@code algorithm} ("RSA", "Ed25519") kept in {@code directory}, if it is there. */
    public static Optional<KeyPair> read(Path directory, String algorithm) {
        Path privateKey = directory.resolve(PRIVATE_KEY);
        Path publicKey = directory.resolve(PUBLIC_KEY);
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            return Optional.empty();
        }
        try {
            KeyFactory keys = KeyFactory.getInstance(algorithm);
            return Optional.of(new KeyPair(
                    keys.generatePublic(new X509EncodedKeySpec(readPem(publicKey))),
                    keys.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateKey)))));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the " + algorithm + " keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The keys in " + directory + " are not a " + algorithm + " pair in PEM", e);
        }
    }

    /** Makes a new pair of {@code algorithm} in {@code directory}; RSA keys are 2048 bits. */
    static synchronized KeyPair create(Path directory, String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if ("RSA".equals(algorithm)) {
                generator.initialize(2048);
            }
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Path privateKey = directory.resolve(PRIVATE_KEY);
            // The private key is written to a file only its owner can read before it holds the key.
            Path written = Files.createTempFile(directory, "private-key", ".tmp");
            restrictToOwner(written);
            Files.writeString(written, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(directory.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    StandardCharsets.US_ASCII);
            Files.move(written, privateKey, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the " + algorithm + " keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create the " + algorithm + " keys in " + directory, e);
        }
    }

    /** A DER-encoded key as PEM text, with 64-character lines. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A public key of {@code algorithm} from a PEM file (SubjectPublicKeyInfo), as {@link #pem} writes it. */
    public static java.security.PublicKey publicKey(Path file, String algorithm) throws IOException {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(readPem(file)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not a " + algorithm + " public key in PEM", e);
        }
    }

    static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): its ACLs already keep the file to the user.
        }
    }
}
