package no.tettpa.backend.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/** {@code tettpa.auth.*}: the trusted OpenID Connect issuer and how its tokens are checked. */
@ConfigurationProperties("tettpa.auth")
public class AuthConfiguration {
    private String issuer = "";
    private String audience = "tettpa";
    private String jwksUri = "";
    private List<String> algorithms = List.of("RS256", "PS256", "ES256");
    private Duration clockSkew = Duration.ofSeconds(30);
    private String subjectClaim = "sub";
    private String rolesClaim = "roles";
    private String devIssuer = "auto";

    public boolean realIssuerConfigured() {
        return issuer != null && !issuer.isBlank();
    }

    public String getIssuer() { return issuer; }
    public void setIssuer(String issuer) { this.issuer = issuer; }
    public String getAudience() { return audience; }
    public void setAudience(String audience) { this.audience = audience; }
    public String getJwksUri() { return jwksUri; }
    public void setJwksUri(String jwksUri) { this.jwksUri = jwksUri; }
    public List<String> getAlgorithms() { return algorithms; }
    public void setAlgorithms(List<String> algorithms) { this.algorithms = algorithms; }
    public Duration getClockSkew() { return clockSkew; }
    public void setClockSkew(Duration clockSkew) { this.clockSkew = clockSkew; }
    public String getSubjectClaim() { return subjectClaim; }
    public void setSubjectClaim(String subjectClaim) { this.subjectClaim = subjectClaim; }
    public String getRolesClaim() { return rolesClaim; }
    public void setRolesClaim(String rolesClaim) { this.rolesClaim = rolesClaim; }
    public String getDevIssuer() { return devIssuer; }
    public void setDevIssuer(String devIssuer) { this.devIssuer = devIssuer; }
}
