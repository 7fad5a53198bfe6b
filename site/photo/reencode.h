// An uploaded photo made safe to keep: decoded by Debian's libgd and written anew as a JPEG,
// so that nothing of the original file survives but its pixels — no EXIF (the phone's
// position, its serial number, the time), no XMP, no ICC profile, no trailing data. libgd
// writes a JFIF header and a "CREATOR: gd-jpeg" comment, nothing of the sender's.
//
// Before decoding, the header's size is checked against a pixel cap (image_header.h), so a
// small file that claims a huge image is refused without being decoded. The photo is turned
// upright by its EXIF orientation (the tag itself is dropped with the rest) and scaled down
// so that its longer side is at most kMaxSide pixels; a transparent PNG is laid on white.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "text/lang.h"

namespace beitai::site::photo {

constexpr std::uint64_t kMaxPixels = 40'000'000;  // a 12-megapixel phone photo is far below
constexpr int kMaxSide = 1600;                    // enough to recognise a signboard and a person
constexpr int kJpegQuality = 82;

// Why a photo was refused. Nothing is stored for any of them.
enum class PhotoProblem {
    none,
    not_an_image,     // neither JPEG nor PNG by its first bytes
    no_size,          // the header says 0 pixels wide or high
    too_many_pixels,  // more than kMaxPixels by the header
    unreadable,       // a header cut short, a file cut short, or data the decoder rejects
};

struct ReencodedPhoto {
    PhotoProblem problem = PhotoProblem::none;  // none: the fields below hold the photo
    std::string jpeg;
    int width = 0;
    int height = 0;
    bool ok() const { return problem == PhotoProblem::none; }
};

ReencodedPhoto reencode_photo(std::string_view bytes);

// The refusal for a person, naming the field: "photo: not a JPEG or PNG image" (zh-TW or English).
std::string photo_problem_text(PhotoProblem problem, text::Lang lang);

}  // namespace beitai::site::photo
