package breach.samrad.thing.api;

import breach.samrad.infrastructure.Plumbing;

/** An event that carries plumbing, not a value of the contract. */
public record ThingHappened(String thingId, Plumbing plumbing) {
}
