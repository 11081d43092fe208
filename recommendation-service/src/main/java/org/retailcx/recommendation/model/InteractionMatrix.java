package org.retailcx.recommendation.model;

import java.time.Instant;
import java.util.function.IntPredicate;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

/**
 * Customers × products, sparse: one <em>cell</em> per (customer, product) pair that has at least one event, stored
 * row by row (compressed sparse rows, products ascending within a row). A cell keeps its summed weight, its first and
 * last event time and its individual events, so that time-decayed algorithms (SAR) and chronological splits can look
 * at them. Matrices cut from one another (a train/test split) share the customer and product dictionaries, so an
 * index means the same customer or product in all of them.
 */
public final class InteractionMatrix {

    private final IdDictionary customers;
    private final IdDictionary products;
    private final InteractionWeights weights;
    private final int[] rowStart;
    private final int[] cellProduct;
    private final double[] cellWeight;
    private final long[] cellFirst;
    private final long[] cellLast;
    private final int[] eventStart;
    private final byte[] eventType;
    private final long[] eventTime;
    private volatile Columns columns;

    private InteractionMatrix(IdDictionary customers, IdDictionary products, InteractionWeights weights, int[] rowStart,
            int[] cellProduct, double[] cellWeight, long[] cellFirst, long[] cellLast, int[] eventStart,
            byte[] eventType, long[] eventTime) {
        this.customers = customers;
        this.products = products;
        this.weights = weights;
        this.rowStart = rowStart;
        this.cellProduct = cellProduct;
        this.cellWeight = cellWeight;
        this.cellFirst = cellFirst;
        this.cellLast = cellLast;
        this.eventStart = eventStart;
        this.eventType = eventType;
        this.eventTime = eventTime;
    }

    public static Builder builder() {
        return new Builder(InteractionWeights.defaults());
    }

    public static Builder builder(InteractionWeights weights) {
        return new Builder(weights);
    }

    public IdDictionary customers() {
        return customers;
    }

    public IdDictionary products() {
        return products;
    }

    public InteractionWeights weights() {
        return weights;
    }

    public int customerCount() {
        return customers.size();
    }

    public int productCount() {
        return products.size();
    }

    /** Number of distinct (customer, product) pairs. */
    public int cellCount() {
        return cellProduct.length;
    }

    public int eventCount() {
        return eventType.length;
    }

    /** First cell of a customer's row; the row is {@code rowStart(c) .. rowEnd(c) - 1}. */
    public int rowStart(int customer) {
        return rowStart[customer];
    }

    public int rowEnd(int customer) {
        return rowStart[customer + 1];
    }

    public int rowLength(int customer) {
        return rowStart[customer + 1] - rowStart[customer];
    }

    public int product(int cell) {
        return cellProduct[cell];
    }

    /** Sum of the weights of the cell's events. */
    public double weight(int cell) {
        return cellWeight[cell];
    }

    /** Epoch second of the cell's first event. */
    public long firstSeen(int cell) {
        return cellFirst[cell];
    }

    public long lastSeen(int cell) {
        return cellLast[cell];
    }

    /** The furthest step of the funnel the customer reached with this product. */
    public InteractionType strongestType(int cell) {
        int strongest = 0;
        for (int e = eventStart[cell]; e < eventStart[cell + 1]; e++) {
            strongest = Math.max(strongest, eventType[e]);
        }
        return InteractionType.values()[strongest];
    }

    /**
     * The cell's weight with every event discounted by its age: {@code Σ w(type) · 2^(-(reference - t) / halfLife)},
     * as SAR's time-decayed affinity.
     */
    public double decayedWeight(int cell, long referenceSecond, double halfLifeSeconds) {
        double sum = 0;
        for (int e = eventStart[cell]; e < eventStart[cell + 1]; e++) {
            double age = referenceSecond - eventTime[e];
            sum += weights.of(InteractionType.values()[eventType[e]]) * Math.pow(2, -age / halfLifeSeconds);
        }
        return sum;
    }

    /** The cell of (customer, product), or -1 when they never interacted. */
    public int findCell(int customer, int product) {
        int low = rowStart[customer];
        int high = rowStart[customer + 1] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int p = cellProduct[mid];
            if (p < product) {
                low = mid + 1;
            } else if (p > product) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    public boolean hasInteracted(int customer, int product) {
        return findCell(customer, product) >= 0;
    }

    /** Number of distinct customers who interacted with each product. */
    public int[] customersPerProduct() {
        int[] counts = new int[productCount()];
        for (int p : cellProduct) {
            counts[p]++;
        }
        return counts;
    }

    /** Epoch second of the latest event, or {@link Long#MIN_VALUE} for an empty matrix. */
    public long latestEvent() {
        long latest = Long.MIN_VALUE;
        for (long t : cellLast) {
            latest = Math.max(latest, t);
        }
        return latest;
    }

    /** Number of customers with at least one cell. */
    public int activeCustomers() {
        int active = 0;
        for (int c = 0; c < customerCount(); c++) {
            if (rowLength(c) > 0) {
                active++;
            }
        }
        return active;
    }

    /** The same customers and products with only the cells that {@code keep} accepts (events included). */
    public InteractionMatrix selectCells(IntPredicate keep) {
        int customerCount = customerCount();
        int[] newRowStart = new int[customerCount + 1];
        IntArrayList kept = new IntArrayList();
        int keptEvents = 0;
        for (int c = 0; c < customerCount; c++) {
            for (int cell = rowStart[c]; cell < rowStart[c + 1]; cell++) {
                if (keep.test(cell)) {
                    kept.add(cell);
                    keptEvents += eventStart[cell + 1] - eventStart[cell];
                }
            }
            newRowStart[c + 1] = kept.size();
        }
        int n = kept.size();
        int[] product = new int[n];
        double[] weight = new double[n];
        long[] first = new long[n];
        long[] last = new long[n];
        int[] newEventStart = new int[n + 1];
        byte[] type = new byte[keptEvents];
        long[] time = new long[keptEvents];
        for (int i = 0; i < n; i++) {
            int cell = kept.getInt(i);
            product[i] = cellProduct[cell];
            weight[i] = cellWeight[cell];
            first[i] = cellFirst[cell];
            last[i] = cellLast[cell];
            int from = eventStart[cell];
            int length = eventStart[cell + 1] - from;
            System.arraycopy(eventType, from, type, newEventStart[i], length);
            System.arraycopy(eventTime, from, time, newEventStart[i], length);
            newEventStart[i + 1] = newEventStart[i] + length;
        }
        return new InteractionMatrix(customers, products, weights, newRowStart, product, weight, first, last,
                newEventStart, type, time);
    }

    /** The matrix column by column (customers ascending within a product), built once on first use. */
    public Columns byProduct() {
        Columns built = columns;
        if (built == null) {
            built = new Columns(this);
            columns = built;
        }
        return built;
    }

    /** Compressed sparse columns over the same cells: for product p, entries {@code start(p) .. end(p) - 1}. */
    public static final class Columns {
        private final int[] columnStart;
        private final int[] customer;
        private final int[] cell;

        private Columns(InteractionMatrix m) {
            int n = m.cellCount();
            columnStart = new int[m.productCount() + 1];
            for (int p : m.cellProduct) {
                columnStart[p + 1]++;
            }
            for (int p = 0; p < m.productCount(); p++) {
                columnStart[p + 1] += columnStart[p];
            }
            int[] next = java.util.Arrays.copyOf(columnStart, m.productCount());
            customer = new int[n];
            cell = new int[n];
            for (int c = 0; c < m.customerCount(); c++) {
                for (int k = m.rowStart[c]; k < m.rowStart[c + 1]; k++) {
                    int slot = next[m.cellProduct[k]]++;
                    customer[slot] = c;
                    cell[slot] = k;
                }
            }
        }

        public int start(int product) {
            return columnStart[product];
        }

        public int end(int product) {
            return columnStart[product + 1];
        }

        public int customer(int entry) {
            return customer[entry];
        }

        public int cell(int entry) {
            return cell[entry];
        }
    }

    /** Collects events in any order; {@link #build()} sorts them into cells. Single use. */
    public static final class Builder {
        private final InteractionWeights weights;
        private final IdDictionary customers = new IdDictionary();
        private final IdDictionary products = new IdDictionary();
        private final IntArrayList eventCustomer = new IntArrayList();
        private final IntArrayList eventProduct = new IntArrayList();
        private final ByteArrayList eventTypes = new ByteArrayList();
        private final LongArrayList eventSeconds = new LongArrayList();
        private boolean built;

        private Builder(InteractionWeights weights) {
            this.weights = weights;
        }

        /** Makes a customer known without events, so that it has an index (e.g. a customer with no history yet). */
        public Builder declareCustomer(String customerId) {
            customers.add(customerId);
            return this;
        }

        /** Makes a product part of the catalogue without events, so that content-based scoring can reach it. */
        public Builder declareProduct(String productId) {
            products.add(productId);
            return this;
        }

        public Builder add(String customerId, String productId, InteractionType type, Instant at) {
            return add(customerId, productId, type, at.getEpochSecond());
        }

        public Builder add(String customerId, String productId, InteractionType type, long epochSecond) {
            if (built) {
                throw new IllegalStateException("builder already built");
            }
            eventCustomer.add(customers.add(customerId));
            eventProduct.add(products.add(productId));
            eventTypes.add((byte) type.ordinal());
            eventSeconds.add(epochSecond);
            return this;
        }

        public InteractionMatrix build() {
            built = true;
            customers.freeze();
            products.freeze();
            int events = eventCustomer.size();
            long productCount = products.size();
            // One radix sort of (cell key, time·4 + type) puts events in row order, products ascending, oldest first.
            long[] cellKey = new long[events];
            long[] timeAndType = new long[events];
            for (int e = 0; e < events; e++) {
                cellKey[e] = eventCustomer.getInt(e) * productCount + eventProduct.getInt(e);
                timeAndType[e] = eventSeconds.getLong(e) * 4 + eventTypes.getByte(e);
            }
            LongArrays.radixSort(cellKey, timeAndType);

            int cells = 0;
            for (int e = 0; e < events; e++) {
                if (e == 0 || cellKey[e] != cellKey[e - 1]) {
                    cells++;
                }
            }
            int[] rowStart = new int[customers.size() + 1];
            int[] product = new int[cells];
            double[] weight = new double[cells];
            long[] first = new long[cells];
            long[] last = new long[cells];
            int[] eventStart = new int[cells + 1];
            byte[] type = new byte[events];
            long[] time = new long[events];
            int cell = -1;
            for (int e = 0; e < events; e++) {
                long t = Math.floorDiv(timeAndType[e], 4);
                byte kind = (byte) Math.floorMod(timeAndType[e], 4);
                if (e == 0 || cellKey[e] != cellKey[e - 1]) {
                    cell++;
                    int customer = (int) (cellKey[e] / productCount);
                    rowStart[customer + 1]++;
                    product[cell] = (int) (cellKey[e] % productCount);
                    first[cell] = t;
                    eventStart[cell] = e;
                }
                weight[cell] += weights.of(InteractionType.values()[kind]);
                last[cell] = t;
                type[e] = kind;
                time[e] = t;
            }
            eventStart[cells] = events;
            for (int c = 0; c < customers.size(); c++) {
                rowStart[c + 1] += rowStart[c];
            }
            return new InteractionMatrix(customers, products, weights, rowStart, product, weight, first, last,
                    eventStart, type, time);
        }
    }
}
