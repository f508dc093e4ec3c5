package no.samrad;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import no.samrad.infrastructure.security.TokenCommand;

/** Starts Samråd, or with {@code token ...} mints a local token without starting it. */
@QuarkusMain
public final class SamradMain {

    public static void main(String... args) {
        if (args.length > 0 && "token".equals(args[0])) {
            int exitCode = TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err);
            System.exit(exitCode);
        }
        Quarkus.run(args);
    }
}
