package no.samrad.support;

import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.api.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for Samråd's refusals. */
public final class Rejections {

    private Rejections() {
    }

    /** A {@link DomainException} with this code, blaming this field ({@code null}: none). */
    public static Matcher<DomainException> rejectedWith(ErrorCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.code() == code && java.util.Objects.equals(e.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal " + code.name() + " on field " + field);
            }

            @Override
            protected void describeMismatchSafely(DomainException e, Description description) {
                description.appendText("was " + e.code().name() + " on field " + e.field() + ": " + e.getMessage());
            }
        };
    }
}
