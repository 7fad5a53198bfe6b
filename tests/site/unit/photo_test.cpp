// Uploaded photos (site/photo/): the header read before decoding, and the re-encoding that
// keeps the pixels and nothing else. The test images are drawn here with libgd; the EXIF
// block with a GPS position is put together byte by byte, as a phone would write it.
#include <doctest/doctest.h>

#include <gd.h>

#include <memory>
#include <string>
#include <vector>

#include "photo/image_header.h"
#include "photo/reencode.h"

using namespace beitai::site::photo;

namespace {

struct ImageDeleter {
    void operator()(gdImagePtr im) const { gdImageDestroy(im); }
};
using Image = std::unique_ptr<gdImage, ImageDeleter>;

// A w × h picture: its left half red, its right half blue (so that a turn shows).
Image two_halves(int w, int h) {
    Image im(gdImageCreateTrueColor(w, h));
    gdImageFilledRectangle(im.get(), 0, 0, w / 2 - 1, h - 1, gdTrueColor(220, 20, 20));
    gdImageFilledRectangle(im.get(), w / 2, 0, w - 1, h - 1, gdTrueColor(20, 20, 220));
    return im;
}

std::string bytes_of(void* data, int size) {
    std::string out(static_cast<const char*>(data), static_cast<size_t>(size));
    gdFree(data);
    return out;
}
std::string jpeg_of(gdImagePtr im) {
    int size = 0;
    void* data = gdImageJpegPtr(im, &size, 90);
    return bytes_of(data, size);
}
std::string png_of(gdImagePtr im) {
    int size = 0;
    void* data = gdImagePngPtr(im, &size);
    return bytes_of(data, size);
}

void put16le(std::string& s, unsigned v) { s += char(v & 0xFF); s += char(v >> 8 & 0xFF); }
void put32le(std::string& s, unsigned v) { put16le(s, v & 0xFFFF); put16le(s, v >> 16); }
void put16be(std::string& s, unsigned v) { s += char(v >> 8 & 0xFF); s += char(v & 0xFF); }

// 25° 2′ 34.56″ N as three RATIONALs: the bytes a leaked position would be.
std::string gps_latitude_bytes() {
    std::string s;
    for (unsigned v : {25u, 1u, 2u, 1u, 3456u, 100u}) put32le(s, v);
    return s;
}

// An APP1 "Exif" segment's data (little-endian TIFF): IFD0 with Orientation and a GPSInfo
// pointer; the GPS IFD with GPSLatitudeRef "N" and GPSLatitude.
std::string exif_with_gps(int orientation) {
    std::string t = "II";
    put16le(t, 42);
    put32le(t, 8);
    // IFD0 at 8: two entries, then the next-IFD offset (0).
    put16le(t, 2);
    put16le(t, 0x0112); put16le(t, 3); put32le(t, 1); put16le(t, unsigned(orientation)); put16le(t, 0);
    put16le(t, 0x8825); put16le(t, 4); put32le(t, 1); put32le(t, 38);
    put32le(t, 0);
    // The GPS IFD at 38: two entries, the next-IFD offset, then the latitude's values at 68.
    put16le(t, 2);
    put16le(t, 0x0001); put16le(t, 2); put32le(t, 2); t += std::string("N\0\0\0", 4);
    put16le(t, 0x0002); put16le(t, 5); put32le(t, 3); put32le(t, 68);
    put32le(t, 0);
    REQUIRE(t.size() == 68);
    t += gps_latitude_bytes();
    return std::string("Exif\0\0", 6) + t;
}

// The JPEG with a segment inserted right after its start-of-image marker.
std::string with_segment(const std::string& jpeg, unsigned marker, const std::string& data) {
    std::string segment = "\xFF";
    segment += char(marker);
    put16be(segment, unsigned(data.size() + 2));
    return jpeg.substr(0, 2) + segment + data + jpeg.substr(2);
}

// The markers of a JPEG's segments up to its first scan.
std::vector<unsigned> markers(const std::string& jpeg) {
    std::vector<unsigned> out;
    size_t pos = 2;
    while (pos + 4 <= jpeg.size() && static_cast<unsigned char>(jpeg[pos]) == 0xFF) {
        const unsigned m = static_cast<unsigned char>(jpeg[pos + 1]);
        out.push_back(m);
        if (m == 0xDA) break;
        pos += 2 + (static_cast<unsigned char>(jpeg[pos + 2]) << 8 | static_cast<unsigned char>(jpeg[pos + 3]));
    }
    return out;
}

Image decoded(const std::string& jpeg) {
    return Image(gdImageCreateFromJpegPtr(int(jpeg.size()), const_cast<char*>(jpeg.data())));
}

// Whether the pixel is mostly red (true) or mostly blue (false); the JPEG's loss is small
// inside a flat half.
bool reddish(gdImagePtr im, int x, int y) {
    const int c = gdImageGetTrueColorPixel(im, x, y);
    return gdTrueColorGetRed(c) > gdTrueColorGetBlue(c);
}

}  // namespace

TEST_CASE("photo: a JPEG's EXIF, GPS position and all, is gone after re-encoding; the photo is scaled to 1600 px") {
    const auto original = two_halves(2000, 1000);
    const std::string sent = with_segment(jpeg_of(original.get()), 0xE1, exif_with_gps(1));
    REQUIRE(sent.find(gps_latitude_bytes()) != std::string::npos);  // the upload does carry it
    REQUIRE(sent.find(std::string("Exif\0\0", 6)) != std::string::npos);

    const auto photo = reencode_photo(sent);
    REQUIRE(photo.ok());
    CHECK(photo.width == 1600);
    CHECK(photo.height == 800);
    CHECK(photo.jpeg.compare(0, 3, "\xFF\xD8\xFF") == 0);
    CHECK(photo.jpeg.find("Exif") == std::string::npos);
    CHECK(photo.jpeg.find(gps_latitude_bytes()) == std::string::npos);
    for (unsigned m : markers(photo.jpeg)) CHECK_MESSAGE((m < 0xE1 || m > 0xEF), "an APPn segment other than JFIF: ", m);
    const auto header = read_image_header(photo.jpeg);
    REQUIRE(header.ok());
    CHECK(header->width == 1600);
    CHECK(header->height == 800);
    CHECK(header->complete);
    const auto back = decoded(photo.jpeg);
    REQUIRE(back);
    CHECK(gdImageSX(back.get()) == 1600);
    CHECK(reddish(back.get(), 100, 400));
    CHECK_FALSE(reddish(back.get(), 1500, 400));
}

TEST_CASE("photo: turned upright by its EXIF orientation, which is not kept") {
    const std::string stored = jpeg_of(two_halves(40, 20).get());
    SUBCASE("6: stored lying on its left side") {
        const auto photo = reencode_photo(with_segment(stored, 0xE1, exif_with_gps(6)));
        REQUIRE(photo.ok());
        CHECK(photo.width == 20);
        CHECK(photo.height == 40);
        const auto im = decoded(photo.jpeg);
        REQUIRE(im);
        CHECK(reddish(im.get(), 10, 5));  // the stored left half is now on top
        CHECK_FALSE(reddish(im.get(), 10, 35));
        CHECK(read_image_header(photo.jpeg)->orientation == 1);
    }
    SUBCASE("8: stored lying on its right side") {
        const auto im = decoded(reencode_photo(with_segment(stored, 0xE1, exif_with_gps(8))).jpeg);
        REQUIRE(im);
        CHECK(gdImageSY(im.get()) == 40);
        CHECK_FALSE(reddish(im.get(), 10, 5));
        CHECK(reddish(im.get(), 10, 35));
    }
    SUBCASE("3: upside down") {
        const auto im = decoded(reencode_photo(with_segment(stored, 0xE1, exif_with_gps(3))).jpeg);
        REQUIRE(im);
        CHECK(gdImageSX(im.get()) == 40);
        CHECK_FALSE(reddish(im.get(), 5, 10));
        CHECK(reddish(im.get(), 35, 10));
    }
    SUBCASE("2: mirrored") {
        const auto im = decoded(reencode_photo(with_segment(stored, 0xE1, exif_with_gps(2))).jpeg);
        REQUIRE(im);
        CHECK_FALSE(reddish(im.get(), 5, 10));
    }
}

TEST_CASE("photo: a PNG is accepted and comes out a JPEG, its transparency laid on white; a small photo keeps its size") {
    Image im(gdImageCreateTrueColor(300, 200));
    gdImageSaveAlpha(im.get(), 1);
    gdImageAlphaBlending(im.get(), 0);
    gdImageFilledRectangle(im.get(), 0, 0, 299, 199, gdTrueColorAlpha(0, 0, 0, gdAlphaTransparent));
    gdImageFilledRectangle(im.get(), 0, 0, 99, 199, gdTrueColorAlpha(20, 150, 20, gdAlphaOpaque));
    const auto photo = reencode_photo(png_of(im.get()));
    REQUIRE(photo.ok());
    CHECK(photo.width == 300);
    CHECK(photo.height == 200);
    CHECK(read_image_header(photo.jpeg)->type == ImageType::jpeg);
    const auto back = decoded(photo.jpeg);
    REQUIRE(back);
    const int clear = gdImageGetTrueColorPixel(back.get(), 250, 100);
    CHECK(gdTrueColorGetRed(clear) > 240);  // white, not the black under the transparency
    CHECK(gdTrueColorGetBlue(clear) > 240);
    const int green = gdImageGetTrueColorPixel(back.get(), 50, 100);
    CHECK(gdTrueColorGetGreen(green) > gdTrueColorGetRed(green) + 80);
}

TEST_CASE("photo: anything but a JPEG or a PNG is refused as such, whatever it claims to be") {
    int gif_size = 0;
    Image small(gdImageCreate(10, 10));
    gdImageColorAllocate(small.get(), 255, 255, 255);
    void* gif_data = gdImageGifPtr(small.get(), &gif_size);
    const std::string gif = bytes_of(gif_data, gif_size);
    REQUIRE(gif.rfind("GIF8", 0) == 0);
    for (const std::string& sent : {std::string("hello, this is text"), std::string("<!doctype html><title>x</title>"), gif,
                                    std::string(), std::string("\xFF\xD8"), std::string("\x89PNG")}) {
        CAPTURE(sent.substr(0, 10));
        CHECK(reencode_photo(sent).problem == PhotoProblem::not_an_image);
    }
    CHECK(photo_problem_text(PhotoProblem::not_an_image, beitai::text::Lang::en) == "photo: not a JPEG or PNG image");
    CHECK(photo_problem_text(PhotoProblem::not_an_image, beitai::text::Lang::zh_TW).rfind("photo: ", 0) == 0);
    CHECK(read_image_header("GIF89a....").error() == "photo: not a JPEG or PNG image");
}

TEST_CASE("photo: a file cut short is refused as unreadable, a JPEG's trailing data is not") {
    const auto picture = two_halves(200, 100);
    const std::string jpeg = jpeg_of(picture.get());
    const std::string png = png_of(picture.get());
    CHECK(reencode_photo(jpeg.substr(0, jpeg.size() / 2)).problem == PhotoProblem::unreadable);
    CHECK(reencode_photo(jpeg.substr(0, jpeg.size() - 2)).problem == PhotoProblem::unreadable);  // no end marker
    CHECK(reencode_photo(jpeg.substr(0, 20)).problem == PhotoProblem::unreadable);
    CHECK(reencode_photo(png.substr(0, png.size() / 2)).problem == PhotoProblem::unreadable);
    CHECK(reencode_photo(png.substr(0, 20)).problem == PhotoProblem::unreadable);
    CHECK(photo_problem_text(PhotoProblem::unreadable, beitai::text::Lang::en) == "photo: the image could not be read");
    // A "motion photo" appends a video after the JPEG's end: the photo is still read.
    CHECK(reencode_photo(jpeg + std::string(500, '\x42')).ok());
    // A PNG's image data damaged (its checksum no longer matches): the decoder's own refusal.
    std::string damaged = png;
    const size_t idat = damaged.find("IDAT");
    REQUIRE(idat != std::string::npos);
    damaged[idat + 10] = char(damaged[idat + 10] ^ 0x55);
    CHECK(reencode_photo(damaged).problem == PhotoProblem::unreadable);
}

TEST_CASE("photo: a header claiming too many pixels is refused before anything is decoded") {
    // A PNG signature and an IHDR for 100000 × 100000 with no image data at all: decoding it
    // would fail as unreadable, so "too many pixels" shows that the header was judged first.
    auto png_claiming = [](unsigned w, unsigned h) {
        std::string s("\x89PNG\r\n\x1A\n", 8);
        s += std::string("\0\0\0\x0D", 4) + "IHDR";
        for (unsigned v : {w, h}) {
            put16be(s, v >> 16);
            put16be(s, v & 0xFFFF);
        }
        s += std::string("\x08\x02\0\0\0", 5) + std::string(4, '\0');
        return s;
    };
    CHECK(reencode_photo(png_claiming(100000, 100000)).problem == PhotoProblem::too_many_pixels);
    CHECK(reencode_photo(png_claiming(40001, 1000)).problem == PhotoProblem::too_many_pixels);
    CHECK(reencode_photo(png_claiming(0, 100)).problem == PhotoProblem::no_size);
    const auto header = read_image_header(png_claiming(100000, 100000));
    REQUIRE(header.ok());
    CHECK(header->width == 100000);
    CHECK(header->type == ImageType::png);

    // A JPEG whose frame header says 65535 × 65535 (4.3 gigapixels).
    std::string jpeg = jpeg_of(two_halves(16, 16).get());
    const size_t sof = jpeg.find("\xFF\xC0");
    REQUIRE(sof != std::string::npos);
    jpeg.replace(sof + 5, 4, "\xFF\xFF\xFF\xFF");
    CHECK(read_image_header(jpeg)->height == 65535);
    CHECK(reencode_photo(jpeg).problem == PhotoProblem::too_many_pixels);
}

TEST_CASE("photo: the JPEG header is read past its segments, bounds-checked at every length") {
    const std::string exif = exif_with_gps(6);
    const std::string jpeg = with_segment(with_segment(jpeg_of(two_halves(64, 32).get()), 0xFE, "a comment"), 0xE1, exif);
    const auto header = read_image_header(jpeg);
    REQUIRE(header.ok());
    CHECK(header->width == 64);
    CHECK(header->height == 32);
    CHECK(header->orientation == 6);
    CHECK(exif_orientation(exif) == 6);

    // Big-endian ("MM") EXIF with Orientation 8.
    std::string mm = std::string("Exif\0\0", 6) + "MM" + std::string("\0\x2A\0\0\0\x08", 6) + std::string("\0\x01", 2) +
                     std::string("\x01\x12\0\x03\0\0\0\x01\0\x08\0\0", 12) + std::string(4, '\0');
    CHECK(exif_orientation(mm) == 8);
    // Malformed: an IFD offset past the end, an out-of-range value, the wrong type.
    std::string far = exif;
    far[6 + 4] = '\x70';
    CHECK(exif_orientation(far) == 1);
    std::string nine = exif_with_gps(9);
    CHECK(exif_orientation(nine) == 1);
    std::string long_type = exif;
    long_type[6 + 8 + 2 + 2] = 4;
    CHECK(exif_orientation(long_type) == 1);

    // Every prefix of the file: an error or a header, never a read past the end.
    for (size_t n = 0; n < 700 && n <= jpeg.size(); ++n) {
        const auto cut = read_image_header(std::string_view(jpeg).substr(0, n));
        if (cut.ok()) CHECK(cut->width == 64);
    }
    for (size_t n = 0; n <= exif.size(); ++n) {
        const int o = exif_orientation(std::string_view(exif).substr(0, n));
        CHECK((o == 1 || o == 6));
    }
}
