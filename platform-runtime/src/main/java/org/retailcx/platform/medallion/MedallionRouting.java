package org.retailcx.platform.medallion;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;

/**
 * Routes the medallion endpoints of the declared sources ({@code PUT /api/v1/<domain>/<source>/{id}}, …) to
 * {@link MedallionResource} before resource matching. A domain's own resources share those prefixes (e.g.
 * {@code GET /api/v1/sales/opportunities/{id}}), and JAX-RS picks one resource class per prefix, so the generic
 * resource lives under an internal prefix and only requests that name a declared source endpoint go there.
 */
@Provider
@PreMatching
public class MedallionRouting implements ContainerRequestFilter {

    /** Where {@link MedallionResource} is mounted; never published in the OpenAPI document. */
    public static final String INTERNAL = "/api/medallion";

    private static final Pattern DOMAIN_PATH = Pattern.compile("^/api/v1/([a-z][a-z0-9-]*)/(.+)$");

    private final MedallionCatalog catalog;

    public MedallionRouting(MedallionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!catalog.present()) {
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        Matcher m = DOMAIN_PATH.matcher(uri.getRawPath());
        if (!m.matches() || !m.group(1).equals(catalog.domain().domain())) {
            return;
        }
        if (isMedallionEndpoint(request.getMethod(), m.group(2))) {
            request.setRequestUri(UriBuilder.fromUri(uri).replacePath(INTERNAL + "/" + m.group(1) + "/" + m.group(2))
                    .build());
        }
    }

    private boolean isMedallionEndpoint(String method, String rest) {
        return switch (method) {
            case "PUT" -> sourceBefore(rest, 1, null).filter(MedallionRouting::writable).isPresent();
            case "POST" -> rest.equals("admin/rebuild")
                    || sourceBefore(rest, 1, "batch").filter(MedallionRouting::writable).isPresent();
            case "GET" -> rest.equals("quarantine") || rest.matches("batches/[^/]+")
                    || sourceBefore(rest, 2, "history").filter(MedallionRouting::readable).isPresent();
            default -> false;
        };
    }

    /** Clients write the source: it is not the service's own ({@link MedallionSource#internal}). */
    static boolean writable(MedallionSource<?> source) {
        return !source.internal();
    }

    /** Some role may read the source's history. */
    static boolean readable(MedallionSource<?> source) {
        return !source.access().history().isEmpty();
    }

    /** The declared source whose path {@code rest} starts with, followed by {@code segments} more segments, the last
     * one being {@code last} (any, when null). */
    private Optional<MedallionSource<?>> sourceBefore(String rest, int segments, String last) {
        String[] parts = rest.split("/", -1);
        if (parts.length <= segments || (last != null && !parts[parts.length - 1].equals(last))) {
            return Optional.empty();
        }
        for (int i = parts.length - segments; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                return Optional.empty();
            }
        }
        String path = String.join("/", java.util.Arrays.copyOfRange(parts, 0, parts.length - segments));
        return catalog.domain().byPath(path);
    }
}
