package no.samrad.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A key pair kept as two PEM files in a directory of the data dir ({@code public-key.pem},
 * readable by anyone; {@code private-key.pem}, by the owner only), created on first use.
 */
public final class KeyPairFiles {

    private static final String PRIVATE_KEY = "private-key.pem";
    private static final String PUBLIC_KEY = "public-key.pem";

    private KeyPairFiles() {
    }

    /**
     * Loads the pair of {@code algorithm} ("RSA", "Ed25519") from {@code directory}, or creates
     * it there; RSA keys are 2048 bits.
     */
    public static synchronized KeyPair load(Path directory, String algorithm) {
        Path privateKey = directory.resolve(PRIVATE_KEY);
        Path publicKey = directory.resolve(PUBLIC_KEY);
        try {
            if (Files.exists(privateKey) && Files.exists(publicKey)) {
                KeyFactory keys = KeyFactory.getInstance(algorithm);
                return new KeyPair(
                        keys.generatePublic(new X509EncodedKeySpec(readPem(publicKey))),
                        keys.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateKey))));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if ("RSA".equals(algorithm)) {
                generator.initialize(2048);
            }
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    StandardCharsets.US_ASCII);
            restrictToOwner(privateKey);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the " + algorithm + " keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create or read the " + algorithm + " keys in " + directory, e);
        }
    }

    /** A DER-encoded key as PEM text, with 64-character lines. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
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
