package org.retailcx.platform.medallion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.retailcx.platform.problem.ProblemException;

/** The service's {@link MedallionDomain}, if it declares one (service shells do not). */
@ApplicationScoped
public class MedallionCatalog {

    private final Instance<MedallionDomain> domain;

    public MedallionCatalog(Instance<MedallionDomain> domain) {
        this.domain = domain;
    }

    public boolean present() {
        return domain.isResolvable();
    }

    public MedallionDomain domain() {
        return domain.get();
    }

    /** The domain, when a request names it; 404 for any other domain. */
    public MedallionDomain domain(String name) {
        if (!present() || !domain.get().domain().equals(name)) {
            throw ProblemException.notFound("This service serves no /api/v1/" + name + " ingestion");
        }
        return domain.get();
    }

    public MedallionSource<?> source(String domainName, String path) {
        return domain(domainName).byPath(path).orElseThrow(() -> ProblemException.notFound(
                "No source /api/v1/" + domainName + "/" + path + " (sources: " + String.join(", ",
                        domain.get().sources().stream().map(MedallionSource::path).toList()) + ")"));
    }
}
