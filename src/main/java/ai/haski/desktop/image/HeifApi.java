package ai.haski.desktop.image;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of libheif's C API (heif.h, version 1.15) that decoding the primary image needs, bound through JNA.
 *
 * <p>Most functions return a {@link HeifError} by value, whose code is {@link #OK} on success. {@code size_t} is a
 * Java {@code long}: libheif is only used on 64-bit systems.
 */
interface HeifApi extends Library {
    int OK = 0;
    /** {@code heif_error_Invalid_input}: the file is damaged. */
    int ERROR_INVALID_INPUT = 2;
    /** {@code heif_error_Unsupported_filetype}. */
    int ERROR_UNSUPPORTED_FILETYPE = 3;
    /** {@code heif_error_Unsupported_feature}: e.g. a codec this libheif was built without. */
    int ERROR_UNSUPPORTED_FEATURE = 4;
    /** {@code heif_error_Memory_allocation_error}. */
    int ERROR_MEMORY_ALLOCATION = 6;
    /** {@code heif_error_Decoder_plugin_error}: the HEVC or AV1 decoder failed on the data. */
    int ERROR_DECODER_PLUGIN = 7;
    /** {@code heif_suberror_End_of_data}: a box or the image data runs past the end of the file. */
    int SUBERROR_END_OF_DATA = 100;
    /** {@code heif_suberror_Security_limit_exceeded}: a declared size or count above libheif's own limits. */
    int SUBERROR_SECURITY_LIMIT = 1000;

    /** {@code heif_colorspace_RGB}. */
    int COLORSPACE_RGB = 1;
    /** {@code heif_chroma_interleaved_RGB}: 8-bit R, G, B bytes. */
    int CHROMA_INTERLEAVED_RGB = 10;
    /** {@code heif_chroma_interleaved_RGBA}: 8-bit R, G, B, A bytes. */
    int CHROMA_INTERLEAVED_RGBA = 11;
    /** {@code heif_channel_interleaved}: the one plane of an interleaved image. */
    int CHANNEL_INTERLEAVED = 10;

    /** {@code heif_color_profile_type_nclx}: colour primaries, transfer and matrix as code points (ITU-T H.273). */
    int PROFILE_NCLX = fourcc("nclx");
    /** {@code heif_color_profile_type_rICC}: a restricted ICC profile. */
    int PROFILE_RICC = fourcc("rICC");
    /** {@code heif_color_profile_type_prof}: an ICC profile. */
    int PROFILE_PROF = fourcc("prof");

    /** Byte offsets inside {@code struct heif_decoding_options} on 64-bit systems (after two pointers' padding). */
    int OPTIONS_VERSION_OFFSET = 0;
    int OPTIONS_CONVERT_HDR_TO_8BIT_OFFSET = 40;
    int OPTIONS_STRICT_DECODING_OFFSET = 41;

    static int fourcc(String code) {
        return code.charAt(0) << 24 | code.charAt(1) << 16 | code.charAt(2) << 8 | code.charAt(3);
    }

    /** {@code struct heif_error}: code, subcode and a message owned by the library (never null). */
    @Structure.FieldOrder({"code", "subcode", "message"})
    class HeifError extends Structure implements Structure.ByValue {
        public int code;
        public int subcode;
        public String message;
    }

    String heif_get_version();

    HeifError heif_init(Pointer params);

    Pointer heif_context_alloc();

    void heif_context_free(Pointer context);

    void heif_context_set_maximum_image_size_limit(Pointer context, int maximumWidth);

    HeifError heif_context_read_from_memory_without_copy(Pointer context, Pointer memory, long size, Pointer options);

    HeifError heif_context_get_primary_image_handle(Pointer context, PointerByReference handle);

    void heif_image_handle_release(Pointer handle);

    int heif_image_handle_get_width(Pointer handle);

    int heif_image_handle_get_height(Pointer handle);

    int heif_image_handle_get_ispe_width(Pointer handle);

    int heif_image_handle_get_ispe_height(Pointer handle);

    int heif_image_handle_has_alpha_channel(Pointer handle);

    int heif_image_handle_is_premultiplied_alpha(Pointer handle);

    int heif_image_handle_get_luma_bits_per_pixel(Pointer handle);

    int heif_image_handle_get_color_profile_type(Pointer handle);

    long heif_image_handle_get_raw_color_profile_size(Pointer handle);

    HeifError heif_image_handle_get_raw_color_profile(Pointer handle, Pointer out);

    HeifError heif_image_handle_get_nclx_color_profile(Pointer handle, PointerByReference nclx);

    void heif_nclx_color_profile_free(Pointer nclx);

    Pointer heif_decoding_options_alloc();

    void heif_decoding_options_free(Pointer options);

    HeifError heif_decode_image(Pointer handle, PointerByReference image, int colorspace, int chroma,
            Pointer options);

    int heif_image_get_width(Pointer image, int channel);

    int heif_image_get_height(Pointer image, int channel);

    Pointer heif_image_get_plane_readonly(Pointer image, int channel, IntByReference stride);

    void heif_image_release(Pointer image);
}
