// What a photo's first bytes say before anything is decoded: its type (by magic bytes, not
// by what the sender claims), its size in pixels and, for a JPEG, the EXIF orientation.
// The size is read from the header so that a "decompression bomb" — a few kilobytes that
// claim 100000×100000 pixels — is refused before a decoder allocates for it.
//
// Pure: bytes in, values out; every read is bounds-checked (the input is whatever a
// stranger uploaded).
#pragma once

#include <cstdint>
#include <string_view>

#include "text/result.h"

namespace beitai::site::photo {

enum class ImageType { jpeg, png };

struct ImageHeader {
    ImageType type = ImageType::jpeg;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    // EXIF Orientation (1–8; 1 = upright as stored). 1 when absent, unreadable, or a PNG.
    int orientation = 1;
    // JPEG: an end-of-image marker follows the first scan. A file cut short has none, and its
    // decoder would fill the missing part with grey rather than fail. Data appended after the
    // end (a phone's "motion photo") does not matter. Always true for a PNG, whose decoder
    // fails on a cut.
    bool complete = true;
};

// JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A) by its first bytes, else nothing.
bool is_jpeg(std::string_view bytes);
bool is_png(std::string_view bytes);

// The header of a JPEG (markers walked up to its first scan, past the SOFn frame header) or a PNG (its
// first chunk, IHDR). Errors: "photo: not a JPEG or PNG image", "photo: the image could not
// be read" (a header cut short or malformed).
Result<ImageHeader> read_image_header(std::string_view bytes);

// The Orientation tag (0x0112) of IFD0 in an APP1 "Exif\0\0" segment's data (after the
// segment length); 1 when there is none or it is malformed.
int exif_orientation(std::string_view app1_data);

}  // namespace beitai::site::photo
