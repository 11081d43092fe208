package org.retailcx.sentiment.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.security.Roles;
import org.retailcx.sentiment.model.analysis.SentimentAnalyzer;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;

/**
 * The stateless analyse call (as Google NL's analyzeSentiment): texts in, analyses out, nothing stored — the same
 * engine the stored channels go through, for front ends and analysts.
 */
@Path("/api/v1/sentiment/analyse")
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

    private final SentimentAnalyzer analyzer;
    private final IngestionReader reader;

    public AnalysisResource(SentimentAnalyzer analyzer, IngestionReader reader) {
        this.analyzer = analyzer;
        this.reader = reader;
    }

    @RegisterForReflection
    public record AnalyseResponse(String modelVersion, List<AnalysedText> documents) {
    }

    @POST
    @Blocking // CPU-bound: off the event loop
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "Analyse up to 100 texts (sentiment per sentence and text, topics, keywords, intent to "
            + "leave, PII redacted); nothing is stored")
    public AnalyseResponse analyse(@RequestBody(content = @Content(schema = @Schema(
            implementation = AnalyseRequest.class))) String body) {
        AnalyseRequest request = reader.readOne(body, AnalyseRequest.class).value();
        List<AnalysedText> documents = request.documents().stream()
                .map(t -> AnalysedText.of(t.id(), analyzer.analyse(t.text(), t.effectiveDomain(), t.language())))
                .toList();
        return new AnalyseResponse(analyzer.modelVersion(), documents);
    }
}
