package org.retailcx.platform.security;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {
    public static final String SALES_REP = "sales-rep";
    public static final String SALES_MANAGER = "sales-manager";
    public static final String MARKETING = "marketing";
    public static final String DATA_SCIENTIST = "data-scientist";
    public static final String CX_ANALYST = "cx-analyst";
    public static final String ADMIN = "admin";
    /** Machine-to-machine ingestion (CRM sync, core banking feeds). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
