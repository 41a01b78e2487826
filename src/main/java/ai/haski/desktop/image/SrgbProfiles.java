package ai.haski.desktop.image;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether an embedded ICC profile is sRGB in effect. The ImageIO path turns a JPEG's colours through its
 * profile; for the many phones and cameras that embed an sRGB variant of their own ("sRGB built-in", "sRGB
 * IEC61966-2.1" in a few hundred bytes) that is the identity to within rounding, so TurboJPEG, which applies no
 * profile, gives the same picture. Judged by measurement rather than by name: 125 colours spread over the cube go
 * through the profile to sRGB, and none may move by more than {@value #MAX_LEVELS} of 255 levels.
 */
final class SrgbProfiles {
    static final double MAX_LEVELS = 1.5;
    /** Photos from one camera share one profile: judge each profile once. Bounded, as the profiles seen are few. */
    private static final int MAX_REMEMBERED = 64;
    private static final Map<ProfileKey, Boolean> JUDGED = new ConcurrentHashMap<>();

    private SrgbProfiles() {}

    static boolean isEffectivelySrgb(byte[] profile) {
        if (profile.length == 0) {
            return false;
        }
        ProfileKey key = new ProfileKey(profile);
        Boolean known = JUDGED.get(key);
        if (known != null) {
            return known;
        }
        boolean judged = measure(profile);
        if (JUDGED.size() < MAX_REMEMBERED) {
            JUDGED.put(key, judged);
        }
        return judged;
    }

    private static boolean measure(byte[] bytes) {
        try {
            ICC_Profile profile = ICC_Profile.getInstance(bytes);
            if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
                return false;
            }
            // As the ImageIO path (TwelveMonkeys) builds it, so both judge the same colour space.
            ICC_ColorSpace space = ColorSpaces.createColorSpace(profile);
            if (space.isCS_sRGB()) {
                return true;
            }
            float[] steps = {0f, 0.25f, 0.5f, 0.75f, 1f};
            for (float r : steps) {
                for (float g : steps) {
                    for (float b : steps) {
                        float[] srgb = space.toRGB(new float[] {r, g, b});
                        if (Math.abs(srgb[0] - r) * 255 > MAX_LEVELS || Math.abs(srgb[1] - g) * 255 > MAX_LEVELS
                                || Math.abs(srgb[2] - b) * 255 > MAX_LEVELS) {
                            return false;
                        }
                    }
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false; // Not a profile Java can read: the ImageIO path decides what to make of it.
        }
    }

    /** A profile's bytes as a map key. */
    private record ProfileKey(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ProfileKey key && Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
