package org.retailcx.sentiment.model.analysis;

/**
 * Which supervised model speaks for a text, and how much: conversational text (calls, chats, e-mails, surveys)
 * leans on the GoEmotions-trained model, financial text (market news, investor posts) on the TFNS-trained one,
 * social posts blend both. VADER always contributes; the financial rule layer contributes when it fires.
 */
public enum TextDomain {
    CONVERSATIONAL(0.6, 0.0, 0.4),
    FINANCIAL(0.0, 0.8, 0.2),
    SOCIAL(0.35, 0.35, 0.3);

    private final double conversationalWeight;
    private final double financialWeight;
    private final double vaderWeight;

    TextDomain(double conversationalWeight, double financialWeight, double vaderWeight) {
        this.conversationalWeight = conversationalWeight;
        this.financialWeight = financialWeight;
        this.vaderWeight = vaderWeight;
    }

    public double conversationalWeight() {
        return conversationalWeight;
    }

    public double financialWeight() {
        return financialWeight;
    }

    public double vaderWeight() {
        return vaderWeight;
    }
}
