package org.retailcx.sales.model.commission;

/** Why a commission line was booked. */
public enum LineKind {
    /** The first line of a deal's commission. */
    EARNED("earned"),
    /** A correction: retroactive repricing, an earlier-dated deal arriving late, an amount or owner change. */
    ADJUSTMENT("adjustment"),
    /** Negative: the deal was reversed within the plan's clawback window. */
    CLAWBACK("clawback");

    private final String code;

    LineKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
