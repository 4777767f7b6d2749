package dev.profgate.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a fraction given as a percentage ({@code 2%}, {@code 0.5%}) or as a plain fraction ({@code 0.02}). */
final class PercentConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        String text = value.trim();
        boolean percent = text.endsWith("%");
        try {
            double number = Double.parseDouble(percent ? text.substring(0, text.length() - 1) : text);
            double fraction = percent ? number / 100 : number;
            if (!(fraction >= 0 && fraction < 10)) {
                throw new TypeConversionException("'" + value + "' is out of range");
            }
            return fraction;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a percentage (such as 2% or 0.02)");
        }
    }
}
