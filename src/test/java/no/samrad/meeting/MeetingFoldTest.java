package no.samrad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.meeting.api.MeetingCancelled;
import no.samrad.meeting.api.MeetingHeld;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.MeetingScheduled;
import no.samrad.meeting.query.MeetingFold;
import no.samrad.meeting.query.MeetingView;
import org.junit.jupiter.api.Test;

/** The meeting's one fold, event type by event type, without a database. */
class MeetingFoldTest {

    private static final UUID ID = UUID.fromString("3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    private static final MeetingScheduled FOURTH_2001 = new MeetingScheduled(ID, MeetingKind.CONSULTATION, 4,
            PartialDate.parse("2001-10"), 2002, null, "4. konsultasjonsmøte 2001");

    @Test
    void scheduledGivesAViewWithTheNumberAndTheDateAsPreciseAsKnown() {
        MeetingView view = MeetingFold.apply(null, FOURTH_2001);
        assertEquals("CONSULTATION", view.kind);
        assertEquals(4, view.number);
        assertEquals("SCHEDULED", view.status);
        assertEquals("2001-10", view.dateText);
        assertEquals(LocalDate.of(2001, 10, 1), view.dateFrom);
        assertEquals(LocalDate.of(2001, 10, 31), view.dateTo);
        assertEquals(2002, view.budgetYear);
        assertNull(view.ministry);
        assertSame(view, MeetingFold.apply(view, FOURTH_2001), "a meeting is scheduled once");
    }

    @Test
    void heldMakesTheDateAsPreciseAsTheHoldingDay() {
        MeetingView view = MeetingFold.apply(MeetingFold.apply(null, FOURTH_2001),
                new MeetingHeld(ID, PartialDate.parse("2001-10-16")));
        assertEquals("HELD", view.status);
        assertEquals("2001-10-16", view.heldOn);
        assertEquals(LocalDate.of(2001, 10, 16), view.dateFrom);
        assertEquals(LocalDate.of(2001, 10, 16), view.dateTo);
    }

    @Test
    void cancelledKeepsTheDayAndTheReason() {
        MeetingView view = MeetingFold.apply(MeetingFold.apply(null, FOURTH_2001),
                new MeetingCancelled(ID, LocalDate.of(2001, 10, 1), "Flyttet"));
        assertEquals("CANCELLED", view.status);
        assertEquals(LocalDate.of(2001, 10, 1), view.cancelledOn);
        assertEquals("Flyttet", view.cancelReason);
    }

    @Test
    void anEventBeforeTheSchedulingFindsNoView() {
        assertNull(MeetingFold.apply(null, new MeetingHeld(ID, PartialDate.parse("2001-10-16"))));
    }
}
