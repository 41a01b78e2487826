package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Region;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --region X,Y,W,H}; picocli prints the message with the option's name when it is malformed. */
final class RegionConverter implements ITypeConverter<Region> {
    @Override
    public Region convert(String value) {
        try {
            return Region.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
