/**
 * Predictive customer lifetime value for non-contractual customers: RFM summaries, the BG/NBD purchase
 * model (Fader, Hardie &amp; Lee 2005), the Gamma-Gamma spend model (Fader &amp; Hardie 2013), discounted CLV,
 * holdout accuracy and a reproducible simulator.
 *
 * <p>Time is measured in "periods" whose length the caller chooses through {@link
 * org.retailcx.clv.model.RfmSummarizer}; {@link org.retailcx.clv.model.RfmSummarizer#weekly()} gives weeks, the
 * unit of the published CDNOW results. All model parameters (notably BG/NBD's alpha) are in that unit.
 *
 * <p>Pure Java 17 plus Hipparchus (special functions, linear algebra, random variates); no framework code, so the
 * package can be wrapped by any service layer.
 */
package org.retailcx.clv.model;
