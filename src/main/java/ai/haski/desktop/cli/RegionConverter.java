package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.RegionRequest;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --region X,Y,W,H} or {@code --region face}; picocli prints the message with the option's name. */
final class RegionConverter implements ITypeConverter<RegionRequest> {
    @Override
    public RegionRequest convert(String value) {
        try {
            return RegionRequest.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
