package no.samrad.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import no.samrad.infrastructure.replica.WalPositions;
import org.junit.jupiter.api.Test;

/** WAL positions read as PostgreSQL writes them and compared as the unsigned numbers they are. */
class WalPositionsTest {

    @Test
    void aPositionIsItsTwoHalvesAndLaterPositionsAreReached() {
        assertEquals(0x16B3748L, WalPositions.parse("0/16B3748"));
        assertEquals((0x1L << 32) | 0x2AL, WalPositions.parse("1/2a"));
        assertTrue(WalPositions.reaches(WalPositions.parse("0/16B3748"), WalPositions.parse("0/16B3748")));
        assertTrue(WalPositions.reaches(WalPositions.parse("1/0"), WalPositions.parse("0/FFFFFFFF")));
        assertFalse(WalPositions.reaches(WalPositions.parse("0/16B3747"), WalPositions.parse("0/16B3748")));
    }

    @Test
    void positionsPastTheSignBitStayInOrder() {
        assertTrue(WalPositions.reaches(WalPositions.parse("80000000/0"), WalPositions.parse("7FFFFFFF/FFFFFFFF")));
        assertFalse(WalPositions.reaches(WalPositions.parse("0/1"), WalPositions.parse("FFFFFFFF/FFFFFFFF")),
                "a replica at the start has not reached the last position there can be");
    }
}
