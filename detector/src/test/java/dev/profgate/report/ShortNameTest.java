package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortNameTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "java.util.regex.Pattern.compile | Pattern.compile",
        "dev.profgate.examples.payments.CardValidator.isValid | CardValidator.isValid",
        "java.util.regex.Pattern.<init> | Pattern.<init>",
        "com.acme.Pay$Inner.lambda$run$0 | Pay$Inner.lambda$run$0",
        "com.acme.Pay$$Lambda/0x0000000800c01234.run | Pay$$Lambda/0x0000000800c01234.run",
        "github.com/acme/pay/internal/card.(*Validator).Check | card.(*Validator).Check",
        "encoding/json.Valid | json.Valid",
        "regexp.(*Regexp).doExecute | regexp.(*Regexp).doExecute",
        "main.fraudScore | main.fraudScore",
        "Foo.bar | Foo.bar",
        "std::vector<int>::push_back | std::vector<int>::push_back",
        "handler (app/views.py:12) | handler (app/views.py:12)",
        "[unknown] | [unknown]"})
    void dropsPackagesAndModulePathsOnly(String function, String expected) {
        assertEquals(expected, ShortName.of(function));
    }
}
