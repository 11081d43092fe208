package org.retailcx.sales.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.model.scoring.LabeledLead;
import org.retailcx.sales.model.scoring.LeadFeatures;
import org.retailcx.sales.pipeline.scoring.LeadScoringService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads lead-scoring uploads (NDJSON or a JSON array, one lead an object) through the platform's ingestion reader, so
 * they share its limits (413 above the record and byte limits), UTF-8 and NUL checks, and 400s naming the line.
 * Nothing read here is written anywhere.
 */
@ApplicationScoped
public class ScoringUploads {

    /** An upload's rows and the SHA-256 of its bytes (the data set's id in the model's lineage). */
    public record Upload(List<JsonNode> rows, String sha256) {

        List<LabeledLead> labeled() {
            List<LabeledLead> leads = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                leads.add(LeadScoringService.labeled(rows.get(i), i));
            }
            return leads;
        }

        List<LeadFeatures> unlabeled() {
            List<LeadFeatures> leads = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                leads.add(LeadScoringService.unlabeled(rows.get(i), i));
            }
            return leads;
        }

        String datasetId() {
            return "upload:sha256:" + sha256;
        }
    }

    private final IngestionReader reader;

    public ScoringUploads(IngestionReader reader) {
        this.reader = reader;
    }

    public Upload read(InputStream body, String contentType) {
        List<JsonNode> rows = new ArrayList<>();
        var read = reader.readBatch(body, contentType == null ? IngestionReader.NDJSON : contentType, JsonNode.class,
                (index, raw, value) -> rows.add(value));
        return new Upload(rows, read.sha256());
    }

    /** A multipart part holding a file of leads; 400 naming the part when it is missing. */
    public Upload read(FileUpload part, String name) {
        if (part == null) {
            throw ProblemException.invalid(name, "is required: a file of leads, one JSON object a line");
        }
        String type = part.contentType() != null && part.contentType().startsWith(MediaType.APPLICATION_JSON)
                ? MediaType.APPLICATION_JSON : IngestionReader.NDJSON;
        try (InputStream in = Files.newInputStream(part.uploadedFile())) {
            return read(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
