package no.samrad.audit.chain;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The promise of inclusion the current request's command made, once its events have committed. */
@RequestScoped
class RequestPromise {

    private InclusionPromises.Promise promise;

    public Optional<InclusionPromises.Promise> get() {
        return Optional.ofNullable(promise);
    }

    void set(InclusionPromises.Promise promise) {
        this.promise = promise;
    }
}
