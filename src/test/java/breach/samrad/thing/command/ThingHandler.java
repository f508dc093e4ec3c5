package breach.samrad.thing.command;

import breach.samrad.thing.api.ThingHappened;
import breach.samrad.thing.query.ThingView;

/** A command handler that reads a read model. */
public class ThingHandler {

    public ThingHappened decide(ThingView view) {
        return new ThingHappened(view.toString(), null);
    }
}
