package no.samrad.infrastructure.startup;

/**
 * Work that must run once Axon has started and before Samråd reports itself ready, such as
 * importing demo data. Tasks run in ascending {@link #order()}.
 */
public interface StartupTask {

    int order();

    void run();
}
