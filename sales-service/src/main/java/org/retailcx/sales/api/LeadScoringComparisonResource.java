package org.retailcx.sales.api;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.api.ScoringUploads.Upload;
import org.retailcx.sales.pipeline.scoring.LeadScoringService;
import org.retailcx.sales.pipeline.scoring.ScoringReports.Comparison;
import org.retailcx.sales.pipeline.scoring.TrainingOptions;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * Two or more learners trained in one call on the same rows, split the same way: each is stored as a version (not
 * activated) and the reports come back side by side, with the validation AUC difference (second minus first) and,
 * under cross-validation, the per-fold differences.
 */
@Path("/api/v1/sales/lead-scoring/comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lead scoring")
public class LeadScoringComparisonResource {

    private static final String LEARNERS = "comma-separated, e.g. logistic-regression,gradient-boosted-trees";

    private final LeadScoringService scoring;
    private final ScoringUploads uploads;
    private final Caller caller;

    public LeadScoringComparisonResource(LeadScoringService scoring, ScoringUploads uploads, Caller caller) {
        this.scoring = scoring;
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Compare learners on silver outcomes (options as for training on silver)")
    public Uni<Comparison> onSilver(@QueryParam("learners") @Parameter(description = LEARNERS) String learners,
            TrainingOptions options) {
        TrainingOptions requested = LeadScoringResource.silverOptions(options);
        return scoring.labeledFromSilver(requested.unconvertedAfterDays(), null, null)
                .chain(leads -> scoring.compare(leads, null, requested, LeadScoringResource.learners(learners),
                        "silver", caller.subject(), LeadScoringResource.silverDataset(requested)));
    }

    @POST
    @Blocking
    @Consumes({ IngestionReader.NDJSON })
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Compare learners on an uploaded labelled set (query options as for training on an upload)")
    public Uni<Comparison> onUpload(@QueryParam("learners") @Parameter(description = LEARNERS) String learners,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @BeanParam TrainingQuery query,
            InputStream body) {
        TrainingOptions options = query.options().normalised();
        Upload upload = uploads.read(body, contentType);
        return scoring.compare(upload.labeled(), null, options, LeadScoringResource.learners(learners), "upload",
                caller.subject(), upload.datasetId());
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Compare learners trained on the \"training\" part and validated on the \"validation\" part")
    public Uni<Comparison> onFiles(@QueryParam("learners") @Parameter(description = LEARNERS) String learners,
            @BeanParam TrainingQuery query, @RestForm("training") FileUpload training,
            @RestForm("validation") FileUpload validation) {
        TrainingOptions options = query.options().withProtocol(TrainingOptions.VALIDATION_UPLOAD).normalised();
        Upload train = uploads.read(training, "training");
        Upload validate = uploads.read(validation, "validation");
        return scoring.compare(train.labeled(), validate.labeled(), options, LeadScoringResource.learners(learners),
                "upload", caller.subject(), train.datasetId() + "+validation:sha256:" + validate.sha256());
    }
}
