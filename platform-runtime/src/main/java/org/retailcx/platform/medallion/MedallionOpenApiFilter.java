package org.retailcx.platform.medallion;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.security.Roles;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Replaces the generic {@code /api/v1/{domain}/…} operations of {@link MedallionResource} with one operation per
 * declared source, each with its roles ({@code x-roles} and the description) and its record's JSON schema, so the
 * document reads as if every source had its own resource.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class MedallionOpenApiFilter implements OASFilter {

    private static final String GENERIC = MedallionRouting.INTERNAL;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (String path : new ArrayList<>(openAPI.getPaths().getPathItems().keySet())) {
            if (path.startsWith(GENERIC)) {
                openAPI.getPaths().removePathItem(path);
            }
        }
        MedallionCatalog catalog = Arc.container().instance(MedallionCatalog.class).get();
        if (!catalog.present()) {
            return;
        }
        MedallionDomain domain = catalog.domain();
        String base = "/api/v1/" + domain.domain();
        for (MedallionSource<?> source : domain.sources()) {
            String tag = "ingestion: " + source.name();
            if (MedallionRouting.writable(source)) {
                Schema schema = schema(source.recordType());
                item(openAPI, base + "/" + source.path() + "/{id}").setPUT(operation(tag,
                        "Upsert one " + source.name() + " record by the source system's id (" + source.idField()
                                + ")", source.access().upsert())
                        .addExtension("x-id-field", source.idField())
                        .addParameter(pathParameter("id"))
                        .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                                .addMediaType("application/json", OASFactory.createMediaType().schema(schema)))));
                item(openAPI, base + "/" + source.path() + "/batch").setPOST(operation(tag,
                        "Bulk " + source.name() + ": NDJSON or a JSON array, all-or-nothing, streamed; at most "
                                + "retailcx.bulk.max-records records and retailcx.bulk.max-body-bytes bytes (413 "
                                + "above); Prefer: respond-async answers 202 once bronze holds the batch",
                        source.access().batch())
                        .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                                .addMediaType(IngestionReader.NDJSON, OASFactory.createMediaType().schema(schema))
                                .addMediaType("application/json", OASFactory.createMediaType().schema(OASFactory
                                        .createSchema().addType(Schema.SchemaType.ARRAY).items(schema))))));
            }
            if (MedallionRouting.readable(source)) {
                item(openAPI, base + "/" + source.path() + "/{id}/history").setGET(operation(tag,
                        "Every version of a " + source.name() + " record that bronze received, oldest first"
                                + (source.internal() ? " (written by the service itself)" : ""),
                        source.access().history()).addParameter(pathParameter("id")));
            }
        }
        item(openAPI, base + "/quarantine").setGET(operation("medallion",
                "Records that failed a data-quality rule (rule, field, reason, bronze lineage), oldest first",
                domain.operatorRoles()));
        item(openAPI, base + "/batches/{batchId}").setGET(operation("medallion",
                "A batch's receipt: accepted (bronze), promoted (silver and gold current) or failed",
                domain.operatorRoles()).addParameter(pathParameter("batchId")));
        item(openAPI, base + "/admin/rebuild").setPOST(operation("medallion",
                "Rebuild silver and gold from bronze, in one transaction (idempotent)", Set.of(Roles.ADMIN)));
    }

    private static PathItem item(OpenAPI openAPI, String path) {
        PathItem item = openAPI.getPaths().getPathItem(path);
        if (item == null) {
            item = OASFactory.createPathItem();
            openAPI.getPaths().addPathItem(path, item);
        }
        return item;
    }

    private static Operation operation(String tag, String summary, Set<String> roles) {
        Set<String> sorted = new TreeSet<>(roles);
        return OASFactory.createOperation().addTag(tag).summary(summary)
                .description("Roles: " + String.join(", ", sorted))
                .addExtension("x-roles", List.copyOf(sorted))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme",
                        List.copyOf(sorted))) // as Quarkus lists @RolesAllowed roles on the other operations
                .responses(OASFactory.createAPIResponses());
    }

    private static Parameter pathParameter(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    static Schema schema(Class<?> recordType) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        if (!recordType.isRecord()) {
            return schema;
        }
        for (RecordComponent c : recordType.getRecordComponents()) {
            Schema property = schema(c.getGenericType());
            Size size = c.getAccessor().getAnnotation(Size.class);
            if (size != null && size.max() < Integer.MAX_VALUE && property.getType() != null
                    && property.getType().contains(Schema.SchemaType.STRING)) {
                property.maxLength(size.max());
            }
            schema.addProperty(c.getName(), property);
            if (c.getAccessor().isAnnotationPresent(NotNull.class)
                    || c.getAccessor().isAnnotationPresent(NotBlank.class)) {
                schema.addRequired(c.getName());
            }
        }
        return schema;
    }

    private static Schema schema(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        Schema s = OASFactory.createSchema();
        if (raw == String.class) {
            return s.addType(Schema.SchemaType.STRING);
        }
        if (raw == LocalDate.class) {
            return s.addType(Schema.SchemaType.STRING).format("date");
        }
        if (raw == OffsetDateTime.class || raw == java.time.Instant.class) {
            return s.addType(Schema.SchemaType.STRING).format("date-time");
        }
        if (raw == BigDecimal.class || raw == Double.class || raw == double.class || raw == Float.class) {
            return s.addType(Schema.SchemaType.NUMBER);
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return s.addType(Schema.SchemaType.INTEGER);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return s.addType(Schema.SchemaType.BOOLEAN);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type item = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            return s.addType(Schema.SchemaType.ARRAY).items(schema(item));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return s.addType(Schema.SchemaType.OBJECT);
        }
        return raw.isRecord() ? schema(raw) : s.addType(Schema.SchemaType.OBJECT);
    }
}
