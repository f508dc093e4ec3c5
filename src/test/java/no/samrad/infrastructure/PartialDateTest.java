package no.samrad.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import no.samrad.infrastructure.api.PartialDate;
import org.junit.jupiter.api.Test;

class PartialDateTest {

    @Test
    void readsAndWritesTheThreePrecisions() {
        assertEquals("2007", PartialDate.parse("2007").toString());
        assertEquals("2021-04", PartialDate.parse("2021-04").toString());
        assertEquals("2021-04-20", PartialDate.parse("2021-04-20").toString());
    }

    @Test
    void spansThePeriodItMayMean() {
        PartialDate april = PartialDate.parse("2021-04");
        assertEquals(LocalDate.of(2021, 4, 1), april.earliest());
        assertEquals(LocalDate.of(2021, 4, 30), april.latest());
        assertTrue(april.covers(LocalDate.of(2021, 4, 20)));
        assertFalse(april.covers(LocalDate.of(2021, 5, 1)));
        assertEquals(LocalDate.of(2007, 12, 31), PartialDate.parse("2007").latest());
        assertEquals(LocalDate.of(2024, 2, 29), PartialDate.parse("2024-02").latest());
    }

    @Test
    void refusesWhatIsNotADate() {
        for (String bad : new String[] {"", "07", "2021-4", "2021-13", "2021-02-30", "2021-04-20T10:00", " 2021",
                "april 2021"}) {
            assertThrows(IllegalArgumentException.class, () -> PartialDate.parse(bad), bad);
        }
    }
}
