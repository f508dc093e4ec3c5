package no.samrad.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class DemoDataImporterTest {

    @Test
    void readsNorwegianDatesWithAndWithoutZeroPadding() {
        assertEquals(LocalDate.of(2020, 1, 7), DemoDataImporter.norwegianDate("07.1.2020"));
        assertEquals(LocalDate.of(2021, 12, 31), DemoDataImporter.norwegianDate("31.12.2021"));
        assertEquals(LocalDate.of(2022, 9, 1), DemoDataImporter.norwegianDate(" 1.09.2022 "));
    }

    @Test
    void refusesWhatIsNotADate() {
        assertThrows(DateTimeParseException.class, () -> DemoDataImporter.norwegianDate("2020-01-07"));
        assertThrows(DateTimeParseException.class, () -> DemoDataImporter.norwegianDate("31.13.2021"));
    }
}
