package org.retailcx.sentiment.model.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FinancialDirectionRulesTest {

    private final FinancialDirectionRules rules = new FinancialDirectionRules();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Profit rose 12% in the third quarter          | 1
            Costs rose 12% in the third quarter           | -1
            Operating costs fell sharply                  | 1
            Revenue fell short of forecasts               | -1
            The bank cut its fees for overdrafts          | 1
            Quarterly dividend raised to $0.50            | 1
            Net losses widened as provisions jumped       | -1
            Analysts downgraded the stock                 | -1
            $ESS: BTIG Research upgrades to Buy           | 1
            Earnings did not rise this year               | -1
            The meeting is on Tuesday                     | 0
            """)
    void judgesAMovementByWhatMoves(String text, int expectedSign) {
        double score = rules.evaluate(TextFeatures.normalisedTokens(text)).score();
        assertEquals(expectedSign, (int) Math.signum(score), () -> text + " scored " + score);
    }
}
