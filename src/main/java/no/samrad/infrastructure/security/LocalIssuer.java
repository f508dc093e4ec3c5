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
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The token issuer of the embedded default: an RSA key pair kept in {@code SAMRAD_DATA_DIR/issuer},
 * created on first use. Samråd trusts it only while no real issuer is configured.
 */
public final class LocalIssuer {

    /** The {@code iss} of locally minted tokens. */
    public static final String ISSUER = "urn:samrad:local-issuer";
    static final String DIRECTORY = "issuer";
    private static final String PRIVATE_KEY = "private-key.pem";
    private static final String PUBLIC_KEY = "public-key.pem";

    private LocalIssuer() {
    }

    /** Loads the key pair from {@code dataDir}, creating it on first use. */
    public static synchronized KeyPair keyPair(Path dataDir) {
        Path directory = dataDir.resolve(DIRECTORY);
        Path privateKey = directory.resolve(PRIVATE_KEY);
        Path publicKey = directory.resolve(PUBLIC_KEY);
        try {
            if (Files.exists(privateKey) && Files.exists(publicKey)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return new KeyPair(
                        rsa.generatePublic(new X509EncodedKeySpec(readPem(publicKey))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateKey))));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            writePem(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
            writePem(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
            restrictToOwner(privateKey);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the local issuer's keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create or read the local issuer's keys", e);
        }
    }

    public static PublicKey publicKey(Path dataDir) {
        return keyPair(dataDir).getPublic();
    }

    public static PrivateKey privateKey(Path dataDir) {
        return keyPair(dataDir).getPrivate();
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): its ACLs already keep the file to the user.
        }
    }
}
