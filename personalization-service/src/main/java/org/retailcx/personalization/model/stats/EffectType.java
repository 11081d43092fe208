package org.retailcx.personalization.model.stats;

/** What the effect of a treatment is measured as. */
public enum EffectType {
    /** treatment mean / control mean − 1, variance by the delta method */
    RELATIVE,
    /** treatment mean − control mean */
    ABSOLUTE
}
