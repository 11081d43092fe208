package org.retailcx.sales.model.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Leads drawn from a known logistic model, so tests can check what the trainer recovers:
 * {@code logit = -1 + 1.5 * income + 0.8 * [segment = b] - 0.5 * [segment = c]}, income ~ N(0, 1),
 * segment uniform over a, b, c. Some rows miss their segment, as CRM data does.
 */
final class SyntheticLeads {

    static final double INTERCEPT = -1;
    static final double INCOME_SLOPE = 1.5;
    static final double SEGMENT_B = 0.8;
    static final double SEGMENT_C = -0.5;

    private SyntheticLeads() {
    }

    static List<LabeledLead> generate(int count, long seed) {
        Random random = new Random(seed);
        String[] segments = {"a", "b", "c"};
        List<LabeledLead> leads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double income = random.nextGaussian();
            String segment = segments[random.nextInt(3)];
            double logit = INTERCEPT + INCOME_SLOPE * income
                    + (segment.equals("b") ? SEGMENT_B : 0) + (segment.equals("c") ? SEGMENT_C : 0);
            boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            Map<String, Object> features = new HashMap<>();
            features.put("income", income);
            features.put("segment", random.nextInt(50) == 0 ? null : segment);
            leads.add(new LabeledLead(new LeadFeatures("lead-" + i, features), converted));
        }
        return leads;
    }
}
