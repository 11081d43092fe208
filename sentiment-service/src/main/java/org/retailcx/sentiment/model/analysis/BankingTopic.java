package org.retailcx.sentiment.model.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The retail-banking topic taxonomy. Each topic names the words and phrases (lower case, as tokens) that signal it;
 * a phrase matches a run of consecutive tokens. Lists are explicit word forms rather than stems so that "charger"
 * is not a charge and "cardigan" not a card.
 */
public enum BankingTopic {
    FEES_AND_CHARGES("fee", "fees", "charge", "charges", "charged", "charging", "overdraft fee", "commission",
            "penalty", "penalties", "surcharge", "maintenance fee", "hidden fees", "cost", "costs", "expensive",
            "overcharged", "refund", "refunded"),
    FRAUD_AND_SECURITY("fraud", "fraudulent", "scam", "scammed", "scammer", "stolen", "theft", "hacked", "phishing",
            "unauthorised", "unauthorized", "suspicious", "security", "identity theft", "chargeback", "compromised",
            "cloned"),
    CARDS("card", "cards", "debit card", "credit card", "contactless", "pin", "atm", "cash machine", "declined",
            "expired", "replacement card", "chip"),
    LOANS_AND_MORTGAGES("loan", "loans", "mortgage", "mortgages", "remortgage", "borrow", "borrowing", "repayment",
            "repayments", "credit limit", "lending", "arrears", "overdraft", "apr"),
    APP_AND_ONLINE_BANKING("app", "apps", "online", "online banking", "website", "login", "log in", "password",
            "crash", "crashes", "crashed", "crashing", "update", "biometric", "face id", "mobile banking", "glitch",
            "error", "outage", "down"),
    BRANCH_AND_STAFF("branch", "branches", "staff", "cashier", "teller", "manager", "advisor", "adviser", "agent",
            "employee", "rude", "helpful", "friendly", "polite", "counter"),
    WAITING_TIME("wait", "waited", "waiting", "queue", "queued", "hold", "on hold", "hours", "minutes", "slow",
            "delay", "delayed", "delays", "still waiting", "took ages", "forever"),
    INTEREST_RATES("interest", "interest rate", "interest rates", "rate", "rates", "apr", "savings rate", "fixed rate",
            "variable rate", "base rate"),
    PAYMENTS_AND_TRANSFERS("payment", "payments", "transfer", "transfers", "transferred", "direct debit",
            "standing order", "wire", "deposit", "deposited", "withdrawal", "transaction", "transactions", "pending"),
    ACCOUNTS("account", "accounts", "current account", "savings account", "statement", "statements", "balance",
            "open an account", "frozen", "blocked", "locked"),
    COMPLAINTS_AND_CLOSURE_INTENT("complaint", "complaints", "complain", "complained", "ombudsman", "escalate",
            "close my account", "closing my account", "switch banks", "switching banks", "leave", "leaving",
            "cancel", "unacceptable", "disgrace", "disgusting", "worst"),
    CUSTOMER_SERVICE("customer service", "service", "support", "call centre", "call center", "helpline", "chat",
            "callback", "call back", "resolved", "unresolved", "nobody", "no one");

    private final List<List<String>> phrases;

    BankingTopic(String... terms) {
        this.phrases = Arrays.stream(terms).map(term -> List.of(term.split(" "))).toList();
    }

    /** The topic's terms, each as its tokens. */
    public List<List<String>> phrases() {
        return phrases;
    }

    /** Snake-case label as stored, e.g. {@code fees_and_charges}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
