package ai.haski.desktop.image;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import java.util.Optional;

/**
 * The colour profile a HEIF image declares, as the loader needs it: an ICC profile to convert from (Display P3 on
 * iPhones), or none when the pixels are sRGB in effect (an sRGB ICC profile, or nclx with BT.709 primaries).
 */
final class HeifColourProfile {
    private static final HeifColourProfile SRGB = new HeifColourProfile(Optional.empty());
    // struct heif_color_profile_nclx: uint8 version, then enum (int) color_primaries and transfer_characteristics.
    private static final int NCLX_PRIMARIES_OFFSET = 4;
    private static final int PRIMARIES_BT709 = 1;
    private static final int PRIMARIES_UNSPECIFIED = 2;
    // ICC profiles are a few KB; a hostile file could declare any size.
    private static final long MAX_ICC_BYTES = 4L << 20;

    private final Optional<byte[]> iccProfile;

    private HeifColourProfile(Optional<byte[]> iccProfile) {
        this.iccProfile = iccProfile;
    }

    /** The ICC profile the decoded pixels are in, when it is not sRGB in effect. */
    Optional<byte[]> iccProfile() {
        return iccProfile;
    }

    /** Problems with the profile are warnings: the pixels themselves are good. */
    static HeifColourProfile read(HeifApi api, Pointer handle, List<String> warnings) {
        int type = api.heif_image_handle_get_color_profile_type(handle);
        if (type == HeifApi.PROFILE_PROF || type == HeifApi.PROFILE_RICC) {
            return icc(api, handle, warnings);
        }
        if (type == HeifApi.PROFILE_NCLX) {
            return nclx(api, handle, warnings);
        }
        return SRGB;
    }

    private static HeifColourProfile icc(HeifApi api, Pointer handle, List<String> warnings) {
        long size = api.heif_image_handle_get_raw_color_profile_size(handle);
        if (size <= 0 || size > MAX_ICC_BYTES) {
            warnings.add("its ICC colour profile has an impossible size of " + size
                    + " bytes; the colours are shown as sRGB");
            return SRGB;
        }
        try (Memory memory = new Memory(size)) {
            HeifApi.HeifError error = api.heif_image_handle_get_raw_color_profile(handle, memory);
            if (error.code != HeifApi.OK) {
                warnings.add("its ICC colour profile could not be read (" + error.message
                        + "); the colours are shown as sRGB");
                return SRGB;
            }
            byte[] profile = memory.getByteArray(0, (int) size);
            return SrgbProfiles.isEffectivelySrgb(profile) ? SRGB : new HeifColourProfile(Optional.of(profile));
        }
    }

    private static HeifColourProfile nclx(HeifApi api, Pointer handle, List<String> warnings) {
        PointerByReference reference = new PointerByReference();
        HeifApi.HeifError error = api.heif_image_handle_get_nclx_color_profile(handle, reference);
        if (error.code != HeifApi.OK || reference.getValue() == null) {
            return SRGB;
        }
        try {
            int primaries = reference.getValue().getInt(NCLX_PRIMARIES_OFFSET);
            if (primaries != PRIMARIES_BT709 && primaries != PRIMARIES_UNSPECIFIED) {
                warnings.add("its colours are declared in colour primaries " + primaries
                        + " (ITU-T H.273), which this app shows as sRGB; colours may look less saturated");
            }
            return SRGB;
        } finally {
            api.heif_nclx_color_profile_free(reference.getValue());
        }
    }
}
