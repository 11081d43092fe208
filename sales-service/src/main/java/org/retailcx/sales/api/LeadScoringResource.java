package org.retailcx.sales.api;

import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.api.ScoringUploads.Upload;
import org.retailcx.sales.pipeline.scoring.LeadScoringService;
import org.retailcx.sales.pipeline.scoring.ScoringReports.ModelReport;
import org.retailcx.sales.pipeline.scoring.TrainingOptions;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * Lead-scoring models: train a new version of either learner under a validation protocol (on silver outcomes, on an
 * uploaded labelled NDJSON set, or on a training and a validation upload), and list the versions. A version's own
 * endpoints are {@link LeadScoringVersionResource}'s; side-by-side training is {@link LeadScoringComparisonResource}'s.
 */
@Path("/api/v1/sales/lead-scoring/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lead scoring")
public class LeadScoringResource {

    private final LeadScoringService scoring;
    private final ScoringUploads uploads;
    private final Caller caller;

    public LeadScoringResource(LeadScoringService scoring, ScoringUploads uploads, Caller caller) {
        this.scoring = scoring;
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Train a new model version on golden leads with known outcomes (silver); not activated."
            + " The time field of a time-ordered split is the lead's createdDate")
    public Uni<ModelReport> trainOnSilver(TrainingOptions options) {
        TrainingOptions requested = silverOptions(options);
        return scoring.labeledFromSilver(requested.unconvertedAfterDays(), null, null)
                .chain(leads -> scoring.trainAndStore(leads, null, requested, "silver", caller.subject(),
                        silverDataset(requested)));
    }

    @POST
    @Blocking // streams and parses the upload on a worker thread
    @Consumes({ IngestionReader.NDJSON })
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Train a new model version on an uploaded labelled set: one lead per line, "
            + "\"converted\": true|false, other fields (and an \"attributes\" object) are features; not activated")
    public Uni<ModelReport> trainOnUpload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @BeanParam TrainingQuery query, InputStream body) {
        TrainingOptions options = query.options().normalised();
        Upload upload = uploads.read(body, contentType);
        return scoring.trainAndStore(upload.labeled(), null, options, "upload", caller.subject(), upload.datasetId());
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Train on the \"training\" part and validate on the \"validation\" part (protocol"
            + " validation-upload); both NDJSON files of labelled leads")
    public Uni<ModelReport> trainOnFiles(@BeanParam TrainingQuery query, @RestForm("training") FileUpload training,
            @RestForm("validation") FileUpload validation) {
        TrainingOptions options = query.options().withProtocol(TrainingOptions.VALIDATION_UPLOAD).normalised();
        Upload train = uploads.read(training, "training");
        Upload validate = uploads.read(validation, "validation");
        return scoring.trainAndStore(train.labeled(), validate.labeled(), options, "upload", caller.subject(),
                train.datasetId() + "+validation:sha256:" + validate.sha256());
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN, Roles.SALES_MANAGER, Roles.MARKETING })
    @Operation(summary = "Model versions, newest first, with their reports; cursor-paginated")
    public Uni<Page<ModelReport>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int pageSize = Page.limit(limit);
        String after = Page.after(cursor);
        int below;
        try {
            below = after == null ? Integer.MAX_VALUE : Integer.parseInt(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
        return scoring.list().map(all -> Page.of(all.stream().filter(r -> r.version() < below).limit(pageSize + 1L)
                .toList(), pageSize, r -> Integer.toString(r.version())));
    }

    /** Silver training: its time field is the lead's creation date, and an upload protocol does not apply. */
    static TrainingOptions silverOptions(TrainingOptions options) {
        TrainingOptions o = options == null ? TrainingOptions.defaults() : options;
        if (TrainingOptions.TIME_ORDERED.equals(o.protocol()) && o.timeField() == null) {
            o = new TrainingOptions(o.learner(), o.protocol(), o.holdoutFraction(), o.seed(), o.folds(),
                    o.excludeFeatures(), o.sentinels(), o.splineSegments(), o.l2Penalty(), o.unconvertedAfterDays(),
                    TrainingOptions.SILVER_TIME_FIELD, o.trainBefore(), o.trainShare(), o.refit(), o.learningRate(),
                    o.maxDepth(), o.maxLeaves(), o.minLeafRows(), o.maxTrees(), o.grading());
        }
        if (o.timeField() != null && !o.timeField().equals(TrainingOptions.SILVER_TIME_FIELD)) {
            throw ProblemException.invalid("timeField", "training on silver orders leads by "
                    + TrainingOptions.SILVER_TIME_FIELD);
        }
        TrainingOptions normalised = o.normalised();
        if (normalised.protocol().equals(TrainingOptions.VALIDATION_UPLOAD)) {
            throw ProblemException.invalid("protocol", TrainingOptions.VALIDATION_UPLOAD + " needs a multipart"
                    + " upload with a training and a validation part");
        }
        return normalised;
    }

    static String silverDataset(TrainingOptions options) {
        return "silver:golden-leads@" + java.time.LocalDate.now() + ":unconverted-after-"
                + options.unconvertedAfterDays() + "d";
    }

    static List<String> learners(String list) {
        if (list == null || list.isBlank()) {
            throw ProblemException.invalid("learners", "name the learners to compare, comma-separated");
        }
        return List.of(list.split(",")).stream().map(String::trim).toList();
    }
}
