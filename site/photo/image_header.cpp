#include "photo/image_header.h"

namespace beitai::site::photo {

namespace {

constexpr const char* kNotAnImage = "photo: not a JPEG or PNG image";
constexpr const char* kUnreadable = "photo: the image could not be read";

unsigned byte_at(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

// Callers check that [at, at + 2) or [at, at + 4) lies inside `s`.
std::uint32_t be16(std::string_view s, size_t at) { return byte_at(s, at) << 8 | byte_at(s, at + 1); }
std::uint32_t be32(std::string_view s, size_t at) { return be16(s, at) << 16 | be16(s, at + 2); }

// A TIFF structure's integers, in the byte order its header names.
struct Tiff {
    std::string_view data;
    bool little_endian = false;
    bool fits(size_t at, size_t n) const { return at <= data.size() && n <= data.size() - at; }
    std::uint32_t u16(size_t at) const {
        return little_endian ? byte_at(data, at) | byte_at(data, at + 1) << 8 : be16(data, at);
    }
    std::uint32_t u32(size_t at) const {
        return little_endian ? u16(at) | u16(at + 2) << 16 : be32(data, at);
    }
};

// Start-of-frame markers (C0–CF) carry the size; C4 (DHT), C8 (reserved) and CC (DAC) do not.
bool is_frame_header(unsigned marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

Result<ImageHeader> jpeg_header(std::string_view s) {
    ImageHeader header;
    header.type = ImageType::jpeg;
    bool orientation_read = false;
    bool frame_read = false;
    size_t pos = 2;  // after SOI
    while (pos < s.size()) {
        if (byte_at(s, pos) != 0xFF) return Error{kUnreadable};
        while (pos < s.size() && byte_at(s, pos) == 0xFF) ++pos;  // fill bytes
        if (pos >= s.size()) break;
        const unsigned marker = byte_at(s, pos++);
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
        if (marker == 0xD8 || marker == 0xD9) break;  // the end (or a second start) before any scan
        if (s.size() - pos < 2) break;
        const size_t length = be16(s, pos);
        if (length < 2 || length > s.size() - pos) break;
        const std::string_view data = s.substr(pos + 2, length - 2);
        if (is_frame_header(marker) && !frame_read) {
            if (data.size() < 5) break;
            header.height = be16(data, 1);
            header.width = be16(data, 3);
            frame_read = true;
        }
        if (marker == 0xDA) {
            // The first scan: its entropy-coded data never holds FF D9 (a data byte FF is
            // followed by 00), so the first FF D9 after it is the end of the image.
            if (!frame_read) break;
            header.complete = s.find("\xFF\xD9", pos + length) != std::string_view::npos;
            return header;
        }
        // The first Exif segment is the one readers honour; later ones are ignored, as by them.
        if (marker == 0xE1 && !orientation_read && data.substr(0, 6) == std::string_view("Exif\0\0", 6)) {
            header.orientation = exif_orientation(data);
            orientation_read = true;
        }
        pos += length;
    }
    return Error{kUnreadable};
}

Result<ImageHeader> png_header(std::string_view s) {
    // Signature (8), then the first chunk: length (4) = 13, type (4) "IHDR", width (4), height (4), …
    if (s.size() < 8 + 8 + 13 || be32(s, 8) != 13 || s.substr(12, 4) != "IHDR") return Error{kUnreadable};
    ImageHeader header;
    header.type = ImageType::png;
    header.width = be32(s, 16);
    header.height = be32(s, 20);
    return header;
}

}  // namespace

bool is_jpeg(std::string_view s) { return s.size() >= 3 && s.substr(0, 3) == "\xFF\xD8\xFF"; }

bool is_png(std::string_view s) { return s.size() >= 8 && s.substr(0, 8) == "\x89PNG\r\n\x1A\n"; }

Result<ImageHeader> read_image_header(std::string_view bytes) {
    if (is_jpeg(bytes)) return jpeg_header(bytes);
    if (is_png(bytes)) return png_header(bytes);
    return Error{kNotAnImage};
}

int exif_orientation(std::string_view app1) {
    if (app1.size() < 6 || app1.substr(0, 6) != std::string_view("Exif\0\0", 6)) return 1;
    Tiff tiff{app1.substr(6)};
    if (!tiff.fits(0, 8)) return 1;
    if (tiff.data.substr(0, 2) == "II") tiff.little_endian = true;
    else if (tiff.data.substr(0, 2) != "MM") return 1;
    if (tiff.u16(2) != 42) return 1;
    const size_t ifd0 = tiff.u32(4);
    if (!tiff.fits(ifd0, 2)) return 1;
    const size_t entries = tiff.u16(ifd0);
    for (size_t i = 0; i < entries; ++i) {
        const size_t entry = ifd0 + 2 + 12 * i;
        if (!tiff.fits(entry, 12)) return 1;
        if (tiff.u16(entry) != 0x0112) continue;
        // SHORT (3), one value, kept in the first two bytes of the value field.
        if (tiff.u16(entry + 2) != 3 || tiff.u32(entry + 4) != 1) return 1;
        const int value = static_cast<int>(tiff.u16(entry + 8));
        return value >= 1 && value <= 8 ? value : 1;
    }
    return 1;
}

}  // namespace beitai::site::photo
