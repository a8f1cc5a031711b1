package no.tettpa.backend.auth;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URI;
import java.util.Map;

/** Finds an issuer's JWKS address from its OpenID Connect discovery document. */
final class OidcDiscovery {
    private OidcDiscovery() {}

    static String jwksUri(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        String address = base + "/.well-known/openid-configuration";
        try {
            var retriever = new DefaultResourceRetriever(3000, 3000, 256 * 1024);
            Map<String, Object> document = JSONObjectUtils.parse(retriever.retrieveResource(URI.create(address).toURL()).getContent());
            Object jwks = document.get("jwks_uri");
            Object advertisedIssuer = document.get("issuer");
            if (!issuer.equals(advertisedIssuer)) {
                throw new IllegalStateException("the discovery document at " + address + " names issuer "
                        + advertisedIssuer + ", not " + issuer);
            }
            if (!(jwks instanceof String s) || s.isBlank()) {
                throw new IllegalStateException("the discovery document at " + address + " has no jwks_uri");
            }
            return s;
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException("could not read the OpenID Connect discovery document at " + address
                    + "; set TETTPA_OIDC_JWKS_URI to skip discovery", e);
        }
    }
}
