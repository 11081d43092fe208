package org.retailcx.clv.model;

/**
 * Gamma-Gamma spend parameters (Fader &amp; Hardie 2013): a customer's transaction values are Gamma(p, ν) with
 * ν ~ Gamma(q, γ) across customers; γ is in the currency unit of the monetary values.
 */
public record GammaGammaParameters(double p, double q, double gamma) {

    public GammaGammaParameters {
        BgNbdParameters.requirePositive("p", p);
        BgNbdParameters.requirePositive("q", q);
        BgNbdParameters.requirePositive("gamma", gamma);
    }
}
