package breach.samrad.infrastructure;

import breach.samrad.thing.api.ThingHappened;

/** Shared plumbing that knows a capability. */
public class Plumbing {

    public boolean knows(ThingHappened event) {
        return event != null;
    }
}
