package no.samrad.infrastructure.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule reads the same in HQL and in memory, with SQL's treatment of missing values. */
class CriterionTest {

    record Item(String status, LocalDate endedOn, List<Part> parts) {
    }

    record Part(LocalDate from) {
    }

    private static final Field<Item, String> STATUS = Field.of("i.status", Item::status);
    private static final Field<Item, LocalDate> ENDED_ON = Field.of("i.endedOn", Item::endedOn);
    private static final Elements<Item, Part> PARTS = Elements.of("ItemView", "i", "parts", "p", Item::parts);
    private static final Field<Part, LocalDate> FROM = Field.of("p.from", Part::from);
    private static final LocalDate DAY = LocalDate.of(2021, 4, 20);

    @Test
    void aMissingValueMeetsNoComparisonButIsNull() {
        Item open = new Item("ACTIVE", null, List.of());
        assertFalse(ENDED_ON.after(DAY).test(open));
        assertFalse(ENDED_ON.atMost(DAY).test(open));
        assertFalse(ENDED_ON.notEqualTo(DAY).test(open));
        assertFalse(ENDED_ON.in(List.of(DAY)).test(open));
        assertTrue(ENDED_ON.isNull().test(open));
    }

    @Test
    void comparisonsIncludeTheirBoundsAsTheirNamesSay() {
        Item ended = new Item("ENDED", DAY, List.of());
        assertTrue(ENDED_ON.atMost(DAY).test(ended));
        assertTrue(ENDED_ON.atLeast(DAY).test(ended));
        assertFalse(ENDED_ON.after(DAY).test(ended));
        assertTrue(ENDED_ON.between(DAY, DAY).test(ended));
        assertTrue(STATUS.in(List.of("ENDED", "EXPIRED")).test(ended));
    }

    @Test
    void theHqlNamesEachValueAsAParameterOfItsOwn() {
        Criterion<Item> rule = Criterion.allOf(STATUS.equalTo("ACTIVE"),
                Criterion.anyOf(ENDED_ON.isNull(), ENDED_ON.after(DAY)), PARTS.any(FROM.atMost(DAY)));
        Criterion.Where where = rule.where();
        assertEquals("(i.status = :rule0) and ((i.endedOn is null) or (i.endedOn > :rule1)) and (exists (select 1"
                + " from ItemView p_owner join p_owner.parts p where p_owner.id = i.id and p.from <= :rule2))",
                where.condition());
        assertEquals(Map.of("rule0", "ACTIVE", "rule1", DAY, "rule2", DAY), where.parameters());
        assertTrue(rule.test(new Item("ACTIVE", null, List.of(new Part(DAY)))));
        assertFalse(rule.test(new Item("ACTIVE", null, List.of(new Part(DAY.plusDays(1))))));
        assertFalse(rule.test(new Item("ACTIVE", DAY, List.of(new Part(DAY)))));
    }

    @Test
    void noRulesMeansEveryView() {
        assertTrue(Criterion.<Item>allOf(List.of()).test(new Item(null, null, List.of())));
        assertEquals("1 = 1", Criterion.<Item>allOf(List.of()).where().condition());
    }
}
