package no.samrad;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.util.Arrays;
import no.samrad.audit.offline.ReplayCommand;
import no.samrad.audit.offline.VerifyCommand;
import no.samrad.audit.witness.WitnessCommand;
import no.samrad.history.ImportRun;
import no.samrad.infrastructure.security.KeysCommand;
import no.samrad.infrastructure.security.TokenCommand;

/**
 * Starts Samråd; with {@code token ...} mints a local token without starting it; with {@code keys
 * ...} makes or rotates a signer's keys ({@link KeysCommand}); with {@code witness ...} witnesses the
 * published log ({@link WitnessCommand}); with {@code verify ...} checks an export of it offline
 * ({@link VerifyCommand}); with {@code replay EXPORT} serves the read models an export alone gives
 * ({@link ReplayCommand}); with {@code import
 * FILE [--dry-run]} imports historical material ({@link ImportRun}); with {@code train} makes the
 * build's training run for the class-data archive ({@link TrainingRun}).
 */
@QuarkusMain
public final class SamradMain {

    public static void main(String... args) throws IOException {
        if (args.length > 0 && "token".equals(args[0])) {
            int exitCode = TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err);
            System.exit(exitCode);
        }
        if (args.length > 0 && "keys".equals(args[0])) {
            System.exit(KeysCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "witness".equals(args[0])) {
            System.exit(WitnessCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err));
        }
        if (args.length > 0 && "verify".equals(args[0])) {
            System.exit(VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "replay".equals(args[0])) {
            int exitCode = ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            if (exitCode != 0) {
                System.exit(exitCode);
            }
            return;
        }
        if (args.length > 0 && "import".equals(args[0])) {
            ImportRun.start(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "train".equals(args[0])) {
            TrainingRun.start(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Quarkus.run(args);
    }
}
