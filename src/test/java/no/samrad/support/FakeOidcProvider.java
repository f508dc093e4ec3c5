package no.samrad.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider for the dashboard's sign-in test, served by the test's Samråd: it
 * signs in anyone at once, and hands out a local-issuer token for a code only to the client that
 * proves, with the PKCE verifier, that it asked for that code.
 */
@Path("/test-oidc")
@PermitAll
public class FakeOidcProvider {

    public static final String CLIENT_ID = "samrad-dashboard-test";
    private static final Map<String, String> CHALLENGES = new ConcurrentHashMap<>();

    @GET
    @Path("authorize")
    public Response authorize(@QueryParam("response_type") String responseType, @QueryParam("client_id") String client,
                              @QueryParam("redirect_uri") String redirect, @QueryParam("state") String state,
                              @QueryParam("code_challenge") String challenge,
                              @QueryParam("code_challenge_method") String method) {
        if (!"code".equals(responseType) || !CLIENT_ID.equals(client) || !"S256".equals(method) || state == null
                || challenge == null) {
            return Response.status(400).entity("invalid_request").build();
        }
        String code = UUID.randomUUID().toString();
        CHALLENGES.put(code, challenge);
        return Response.seeOther(UriBuilder.fromUri(redirect).queryParam("code", code).queryParam("state", state)
                .build()).build();
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grant, @FormParam("code") String code,
                          @FormParam("client_id") String client, @FormParam("code_verifier") String verifier) {
        String challenge = code == null ? null : CHALLENGES.remove(code);
        if (!"authorization_code".equals(grant) || !CLIENT_ID.equals(client) || challenge == null || verifier == null
                || !challenge.equals(s256(verifier))) {
            return Response.status(400).entity(Map.of("error", "invalid_grant")).build();
        }
        return Response.ok(Map.of("access_token", Tokens.token("KS", "samrad:read"), "token_type", "Bearer")).build();
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
