package org.retailcx.sentiment.model.analysis;

/** Whether a text was scored; a text that was not carries no made-up score. */
public enum AnalysisStatus {
    ANALYSED,
    /** The text is in a language the models do not cover (only English is); its language is still reported. */
    NOT_ANALYSED_UNSUPPORTED_LANGUAGE,
    /** Nothing left to score: no letters, or only redacted personal data. */
    NOT_ANALYSED_NO_WORDS
}
