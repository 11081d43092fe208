package org.retailcx.journey.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.model.definition.JourneyDefinition;
import org.retailcx.journey.model.definition.JourneyInstance;
import org.retailcx.journey.model.definition.JourneyNode;
import org.retailcx.journey.model.definition.Transition;
import org.retailcx.platform.events.Outbox;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.journey.JourneyAbandoned;
import org.retailcx.schema.journey.JourneyCompleted;
import org.retailcx.schema.journey.JourneyRecovered;
import org.retailcx.schema.journey.StageEntered;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Announces a step's transitions through the outbox, in the step's transaction: stage entered, completed (goal),
 * abandoned, recovered; subject = instance id, key = customer id. @return the number of events queued
 */
@ApplicationScoped
public class JourneyAnnouncements {

    private final Outbox outbox;

    public JourneyAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param stageBefore the stage the instance was in before the step (where a recovery happened) */
    public Uni<Integer> announce(SqlConnection tx, JourneyDefinition definition, String stageBefore,
            JourneyInstance i, List<Transition> transitions) {
        return Multi.createFrom().iterable(transitions)
                .onItem().transformToUniAndConcatenate(t -> announce(tx, definition, stageBefore, i, t))
                .collect().asList()
                .map(queued -> queued.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> announce(SqlConnection tx, JourneyDefinition definition, String stageBefore,
            JourneyInstance i, Transition t) {
        String id = i.instanceId();
        String customer = i.customerId();
        return switch (t.kind()) {
            case STAGE_ENTERED -> outbox.append(tx, EventCatalog.JOURNEY_STAGE_ENTERED, id, customer,
                    new StageEntered(id, customer, i.journeyKey(), i.version(), t.fromNode(),
                            ((JourneyNode.Stage) definition.node(t.fromNode())).name(), Times.utc(t.at())))
                    .replaceWith(1);
            case GOAL_REACHED -> outbox.append(tx, EventCatalog.JOURNEY_COMPLETED, id, customer,
                    new JourneyCompleted(id, customer, i.journeyKey(), i.version(), t.detail(),
                            Times.utc(i.enteredAt()), Times.utc(t.at())))
                    .replaceWith(1);
            case ABANDONED -> outbox.append(tx, EventCatalog.JOURNEY_ABANDONED, id, customer,
                    new JourneyAbandoned(id, customer, i.journeyKey(), i.version(), i.currentStage(),
                            Times.utc(i.stageEnteredAt()), Times.utc(t.at()), t.detail()))
                    .replaceWith(1);
            case RECOVERED -> outbox.append(tx, EventCatalog.JOURNEY_RECOVERED, id, customer,
                    new JourneyRecovered(id, customer, i.journeyKey(), i.version(), stageBefore,
                            i.recoveryAttempts(), Times.utc(t.at())))
                    .replaceWith(1);
            default -> Uni.createFrom().item(0);
        };
    }
}
