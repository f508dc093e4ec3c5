package no.samrad.meeting.api;

public enum MeetingStatus {
    SCHEDULED,
    HELD,
    CANCELLED
}
