/**
 * Classes that break each of Samråd's package rules once, on purpose: {@code ArchitectureRulesTest}
 * shows that every rule reports its breach. Nothing else uses them.
 */
package breach.samrad;
