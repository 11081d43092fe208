package org.retailcx.platform.security;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the token's subject and roles, and the employee id of a sales rep or manager (the
 * {@value #REP_ID_CLAIM} claim). Row-level scope (a rep's own book, a manager's team) and PII masking start here.
 */
@RequestScoped
public class Caller {

    /** The claim holding the employee id a rep's or manager's rows are owned by. */
    public static final String REP_ID_CLAIM = "rep_id";
    /** Roles that see and write every row of their domain. */
    private static final Set<String> UNSCOPED = Set.of(Roles.ADMIN, Roles.SERVICE);

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean anonymous() {
        return identity.isAnonymous();
    }

    public String subject() {
        return identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public List<String> sortedRoles() {
        return identity.getRoles().stream().sorted().toList();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAny(Set<String> roles) {
        return roles.stream().anyMatch(identity::hasRole);
    }

    /** admin or service: no row-level scope. */
    public boolean unscoped() {
        return hasAny(UNSCOPED);
    }

    /**
     * A sales rep and nothing broader: may read and write only the records of their own book. A manager's team is
     * domain data (the rep master), so a domain scopes managers itself.
     */
    public boolean ownBookOnly() {
        return has(Roles.SALES_REP) && !has(Roles.SALES_MANAGER) && !unscoped();
    }

    /** The employee id the token names ({@value #REP_ID_CLAIM}), or null: then no row is the caller's own. */
    public String repId() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object claim = jwt.getClaim(REP_ID_CLAIM);
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim == null ? null : claim.toString();
    }
}
