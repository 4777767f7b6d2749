package dev.profgate.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Function bodies found by declaration and braces in real and small sources. */
class FunctionSpanTest {
    @Test
    void theExamplesIsValidSpansItsDeclarationToItsClosingBrace() throws Exception {
        String source = Files.readString(AttributionRepo.REPO.resolve("examples/payments-api")
                .resolve(AttributionRepo.PACKAGE + "CardValidator.java"));
        List<String> lines = source.lines().toList();
        FunctionSpan span = FunctionSpan.find(source, "isValid", 0).orElseThrow();
        assertEquals("public boolean isValid(String card) {", lines.get(span.start() - 1).strip());
        assertEquals("}", lines.get(span.end() - 1).strip());
        assertEquals("static boolean luhn(String digits) {", lines.get(span.end() + 1).strip());
    }

    @Test
    void overloadsPickTheOneHoldingTheHotLineAndBracesInStringsDoNotCount() {
        String source = String.join("\n", "class A {", "  int f(int x) {", "    return x;", "  }",
                "  int f(String s) {", "    String t = \"}{\";", "    return s.length();", "  }", "}");
        assertEquals(Optional.of(new FunctionSpan(2, 4)), FunctionSpan.find(source, "f", 0));
        assertEquals(Optional.of(new FunctionSpan(5, 8)), FunctionSpan.find(source, "f", 7));
    }

    @Test
    void goFunctionsAndMethodsButNotCalls() {
        String source = String.join("\n", "package p", "func (s *Server) validate(c string) bool {",
                "\treturn check(c)", "}", "func handle() {", "\tok := validate(\"x\")", "\t_ = ok", "}");
        assertEquals(Optional.of(new FunctionSpan(2, 4)), FunctionSpan.find(source, "validate", 6));
        assertEquals(Optional.empty(), FunctionSpan.find(source, "check", 3));
    }

    @Test
    void simpleNamesOfJvmLambdasAndGoClosures() {
        assertEquals("isValid", Attributor.simpleName("dev.acme.CardValidator.isValid"));
        assertEquals("run", Attributor.simpleName("dev.acme.Pay.lambda$run$0"));
        assertEquals("validate", Attributor.simpleName("github.com/acme/pay.validate.func1"));
        assertEquals("Validate", Attributor.simpleName("github.com/acme/pay.(*Server).Validate"));
    }
}
