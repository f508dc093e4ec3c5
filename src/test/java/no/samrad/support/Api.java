package no.samrad.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** RestAssured requests that carry a token; by default KS with read and write. */
public final class Api {

    public static final String KS_READ_WRITE = "samrad:read samrad:write";

    private Api() {
    }

    public static RequestSpecification given() {
        return as("KS", KS_READ_WRITE);
    }

    public static RequestSpecification as(String party, String scope) {
        return withToken(Tokens.token(party, scope));
    }

    public static RequestSpecification withToken(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }
}
