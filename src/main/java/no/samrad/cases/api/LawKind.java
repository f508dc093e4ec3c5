package no.samrad.cases.api;

/** Whether the rules drafted are an act of the Storting or a regulation (forskrift). */
public enum LawKind {
    LAW,
    REGULATION
}
