package ai.haski.desktop.analysis;

import java.util.Locale;

/**
 * The six usual groups of the Individual Typology Angle (Chardon et al., 1991; Del Bino et al., 2006), each holding
 * the angles above its lower bound up to and including the next group's: very light above 55 degrees, light
 * 41-55, intermediate 28-41, tan 10-28, brown -30 to 10, dark -30 and below.
 */
public enum SkinToneGroup {
    VERY_LIGHT(55),
    LIGHT(41),
    INTERMEDIATE(28),
    TAN(10),
    BROWN(-30),
    DARK(Double.NEGATIVE_INFINITY);

    private final double above;

    SkinToneGroup(double above) {
        this.above = above;
    }

    /** The group of an angle in degrees. */
    public static SkinToneGroup of(double itaDegrees) {
        for (SkinToneGroup group : values()) {
            if (itaDegrees > group.above) {
                return group;
            }
        }
        return DARK;
    }

    /** As JSON and exports write it: {@code very_light}, {@code intermediate}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For people: {@code very light}. */
    public String words() {
        return id().replace('_', ' ');
    }
}
