package org.retailcx.sales.model;

/** Sales-ops grade of a lead, A being the most promising. */
public enum Grade { A, B, C, D }
