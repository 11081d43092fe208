package org.retailcx.journey.model.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Data-driven attribution by the removal effect of a Markov chain of order 1 to 3 (Anderl et al. 2016, the model
 * of R's ChannelAttribution). A state is the last {@code order} channels touched (fewer at a path's start), plus
 * the start and the two absorbing states, conversion and null. Transition probabilities are the observed counts,
 * each path weighted by its customers (conversions plus non-conversions).
 *
 * <p>The probability of converting from the start is solved exactly from the absorbing chain, {@code (I − Q) x = r}
 * with {@code Q} the transient-to-transient probabilities and {@code r} the one-step conversion probabilities,
 * by sparse LU. Removing a channel sends every state that contains it to null; its removal effect is
 * {@code 1 − P(conversion without it) / P(conversion)}. Conversions and value are shared in proportion to the
 * removal effects, so they add up to the observed totals.
 */
public final class MarkovChainModel implements AttributionModel {

    /** Removal effects of every channel, in the path set's channel order, and the chain they came from. */
    public record RemovalEffects(double conversionProbability, double[] removalEffects, int transientStates) {

        public RemovalEffects {
            removalEffects = removalEffects.clone();
        }
    }

    public static final int MAX_ORDER = 3;
    private static final int START = 0;

    private final int order;

    public MarkovChainModel(int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("Markov order must be 1 to " + MAX_ORDER + ", was " + order);
        }
        this.order = order;
    }

    @Override
    public String name() {
        return "markov-" + order;
    }

    @Override
    public AttributionResult attribute(PathSet paths) {
        double[] effects = removalEffects(paths).removalEffects();
        double sum = 0;
        for (double effect : effects) {
            sum += effect;
        }
        double[] conversions = new double[effects.length];
        double[] value = new double[effects.length];
        for (int c = 0; c < effects.length && sum > 0; c++) {
            conversions[c] = paths.totalConversions() * effects[c] / sum;
            value[c] = paths.totalValue() * effects[c] / sum;
        }
        return new AttributionResult(name(), paths.channels(), conversions, value);
    }

    public RemovalEffects removalEffects(PathSet paths) {
        Chain chain = Chain.observe(paths, order);
        int channels = paths.channelCount();
        double base = chain.conversionProbability(-1);
        double[] effects = new double[channels];
        for (int c = 0; c < channels && base > 0; c++) {
            // Clamped at 0: removing a channel can only cut paths, but rounding may leave a last-digit excess.
            effects[c] = Math.max(0, 1 - chain.conversionProbability(c) / base);
        }
        return new RemovalEffects(base, effects, chain.states());
    }

    /** Transition counts between the observed states. */
    private static final class Chain {

        private final int channelCount;
        private final List<int[]> stateChannels = new ArrayList<>();
        private final LongCounter stateIds = new LongCounter();
        private final LongCounter transitions = new LongCounter();
        private long[] outgoing = new long[16];
        private long[] converting = new long[16];

        private Chain(int channelCount) {
            this.channelCount = channelCount;
            stateChannels.add(new int[0]);
        }

        static Chain observe(PathSet paths, int order) {
            Chain chain = new Chain(paths.channelCount());
            for (int p = 0; p < paths.size(); p++) {
                long conversions = paths.conversions(p);
                long customers = conversions + paths.nonConversions(p);
                if (customers == 0) {
                    continue;
                }
                int[] touches = paths.touches(p);
                int from = START;
                for (int i = 0; i < touches.length; i++) {
                    int to = chain.stateOf(touches, Math.max(0, i + 1 - order), i + 1);
                    chain.count(from, to, customers);
                    from = to;
                }
                chain.end(from, customers, conversions);
            }
            return chain;
        }

        int states() {
            return stateChannels.size();
        }

        private int stateOf(int[] touches, int from, int to) {
            long key = 0;
            for (int i = from; i < to; i++) {
                key = key * (channelCount + 1) + touches[i] + 1;
            }
            long id = stateIds.get(key);
            if (id < 0) {
                id = stateChannels.size();
                stateIds.add(key, id);
                stateChannels.add(Arrays.copyOfRange(touches, from, to));
            }
            return (int) id;
        }

        private void count(int from, int to, long customers) {
            transitions.add(((long) from << 32) | to, customers);
            grow(from);
            outgoing[from] += customers;
        }

        private void end(int from, long customers, long conversions) {
            grow(from);
            outgoing[from] += customers;
            converting[from] += conversions;
        }

        private void grow(int state) {
            if (state >= outgoing.length) {
                int size = Math.max(state + 1, 2 * outgoing.length);
                outgoing = Arrays.copyOf(outgoing, size);
                converting = Arrays.copyOf(converting, size);
            }
        }

        /** P(conversion | start), with every state containing {@code removedChannel} absorbed in null (−1: none). */
        double conversionProbability(int removedChannel) {
            int n = states();
            boolean[] removed = new boolean[n];
            for (int s = 1; s < n && removedChannel >= 0; s++) {
                for (int channel : stateChannels.get(s)) {
                    removed[s] |= channel == removedChannel;
                }
            }
            DMatrixSparseTriplet system = new DMatrixSparseTriplet(n, n, n + transitions.size());
            DMatrixRMaj oneStep = new DMatrixRMaj(n, 1);
            double[] diagonal = new double[n];
            Arrays.fill(diagonal, 1.0);
            transitions.forEach((key, count) -> {
                int from = (int) (key >>> 32);
                int to = (int) key;
                if (!removed[from]) {
                    double probability = (double) count / outgoing[from];
                    if (from == to) {
                        diagonal[from] -= probability; // a channel touched again right after itself
                    } else {
                        system.addItem(from, to, -probability);
                    }
                }
            });
            for (int s = 0; s < n; s++) {
                system.addItem(s, s, diagonal[s]);
                if (!removed[s] && s < outgoing.length && outgoing[s] > 0) {
                    oneStep.set(s, 0, (double) converting[s] / outgoing[s]);
                }
            }
            DMatrixSparseCSC matrix = DConvertMatrixStruct.convert(system, (DMatrixSparseCSC) null);
            LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
            if (!solver.setA(matrix)) {
                throw new IllegalStateException("the absorbing chain's system is singular");
            }
            DMatrixRMaj absorption = new DMatrixRMaj(n, 1);
            solver.solve(oneStep, absorption);
            return absorption.get(START, 0);
        }
    }
}
