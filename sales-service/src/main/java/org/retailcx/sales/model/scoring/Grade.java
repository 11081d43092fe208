package org.retailcx.sales.model.scoring;

/** Sales-ops grade of a lead, A being the most promising. */
public enum Grade { A, B, C, D }
