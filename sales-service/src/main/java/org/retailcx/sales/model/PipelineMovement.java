package org.retailcx.sales.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The pipeline waterfall revenue leaders read for a window [from, to]: the open pipeline expected to close in the
 * window at its start, what moved it, and the open pipeline still expected to close in it at its end, such that
 * {@code starting + new + increased − decreased + pulledIn − pushedOut − won − lost = ending} for amounts and
 * {@code starting + new + pulledIn − pushedOut − won − lost = ending} for counts: a bucket's count is the number of
 * opportunities in it, and increased/decreased count open deals whose amount changed, not arrivals or departures.
 * <p>
 * In scope: open opportunities whose expected close date lies in the window. Per opportunity, comparing its state at
 * the window's start with its state at the end:
 * <ul>
 * <li>in scope at both: the amount change is {@code increased} or {@code decreased};</li>
 * <li>in scope at the start only, still open: {@code pushedOut} (slipped) by its starting amount;</li>
 * <li>in scope at the end only: {@code pulledIn} by its ending amount if it was open with a close date outside the
 * window at the start, else {@code new} (created, or reopened, during the window);</li>
 * <li>closed during the window: leaves as {@code won} or {@code lost} at the amount it closed at; if it was in scope
 * its amount change before closing counts as increased/decreased first, otherwise it enters as new or pulled in
 * (a deal won early still shows in the waterfall).</li>
 * </ul>
 * Opportunities closed at both dates are outside the waterfall. Missing amounts count as zero.
 */
public final class PipelineMovement {

    public enum Status {
        ABSENT, OPEN, WON, LOST;

        boolean closed() {
            return this == WON || this == LOST;
        }
    }

    /** An opportunity at one moment: {@link Status#ABSENT} before its first version. */
    public record State(Status status, BigDecimal amount, LocalDate closeDate) {
        public State {
            Objects.requireNonNull(status, "status");
            amount = amount == null ? BigDecimal.ZERO : amount;
        }

        public static State absent() {
            return new State(Status.ABSENT, null, null);
        }
    }

    /** One category's total and the number of opportunities in it. */
    public record Bucket(BigDecimal amount, int count) {
        static final Bucket EMPTY = new Bucket(BigDecimal.ZERO, 0);

        Bucket plus(BigDecimal value) {
            return new Bucket(amount.add(value), count + 1);
        }
    }

    public record Waterfall(Bucket starting, Bucket created, Bucket increased, Bucket decreased, Bucket pulledIn,
            Bucket pushedOut, Bucket won, Bucket lost, Bucket ending) {

        /** starting + new + increased − decreased + pulled in − pushed out − won − lost. */
        public BigDecimal computedEnding() {
            return starting.amount().add(created.amount()).add(increased.amount()).subtract(decreased.amount())
                    .add(pulledIn.amount()).subtract(pushedOut.amount()).subtract(won.amount())
                    .subtract(lost.amount());
        }

        /**
         * starting + new + pulled in − pushed out − won − lost: the deals that arrived and left. Increased and
         * decreased are changes of deals already counted, so they are not in the count identity.
         */
        public int computedEndingCount() {
            return starting.count() + created.count() + pulledIn.count() - pushedOut.count() - won.count()
                    - lost.count();
        }

        /** Both identities hold: the amounts and the counts. */
        public boolean reconciles() {
            return computedEnding().compareTo(ending.amount()) == 0 && computedEndingCount() == ending.count();
        }
    }

    private final LocalDate from;
    private final LocalDate to;
    private Bucket starting = Bucket.EMPTY;
    private Bucket created = Bucket.EMPTY;
    private Bucket increased = Bucket.EMPTY;
    private Bucket decreased = Bucket.EMPTY;
    private Bucket pulledIn = Bucket.EMPTY;
    private Bucket pushedOut = Bucket.EMPTY;
    private Bucket won = Bucket.EMPTY;
    private Bucket lost = Bucket.EMPTY;
    private Bucket ending = Bucket.EMPTY;

    public PipelineMovement(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts");
        }
        this.from = from;
        this.to = to;
    }

    /** Adds one opportunity's state at the start (beginning of {@code from}) and end (end of {@code to}). */
    public PipelineMovement add(State start, State end) {
        boolean inStart = inScope(start);
        boolean inEnd = inScope(end);
        BigDecimal s = start.amount();
        BigDecimal e = end.amount();
        if (inStart) {
            starting = starting.plus(s);
        }
        if (inEnd) {
            ending = ending.plus(e);
        }
        if (end.status().closed()) {
            if (start.status().closed()) {
                return this;
            }
            if (inStart) {
                change(e.subtract(s));
            } else {
                enter(start, e);
            }
            if (end.status() == Status.WON) {
                won = won.plus(e);
            } else {
                lost = lost.plus(e);
            }
        } else if (inStart && inEnd) {
            change(e.subtract(s));
        } else if (inStart) {
            pushedOut = pushedOut.plus(s);
        } else if (inEnd) {
            enter(start, e);
        }
        return this;
    }

    public Waterfall waterfall() {
        return new Waterfall(starting, created, increased, decreased, pulledIn, pushedOut, won, lost, ending);
    }

    private boolean inScope(State state) {
        return state.status() == Status.OPEN && state.closeDate() != null && !state.closeDate().isBefore(from)
                && !state.closeDate().isAfter(to);
    }

    private void enter(State start, BigDecimal amount) {
        if (start.status() == Status.OPEN) {
            pulledIn = pulledIn.plus(amount);
        } else {
            created = created.plus(amount);
        }
    }

    private void change(BigDecimal delta) {
        if (delta.signum() > 0) {
            increased = increased.plus(delta);
        } else if (delta.signum() < 0) {
            decreased = decreased.plus(delta.negate());
        }
    }
}
