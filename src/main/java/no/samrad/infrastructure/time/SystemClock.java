package no.samrad.infrastructure.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@DefaultBean
@ApplicationScoped
class SystemClock implements SamradClock {

    @Override
    public Instant now() {
        return Instant.now();
    }
}
