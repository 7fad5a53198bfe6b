#include "photo/reencode.h"

#include <gd.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>

#include "photo/image_header.h"

namespace beitai::site::photo {

namespace {

struct ImageDeleter {
    void operator()(gdImagePtr image) const { gdImageDestroy(image); }
};
using Image = std::unique_ptr<gdImage, ImageDeleter>;

Image decode(const ImageHeader& header, std::string_view bytes) {
    // libgd takes a non-const pointer but only reads through it. Warnings are not ignored
    // (0): they go to the server's log.
    void* data = const_cast<char*>(bytes.data());
    const int size = static_cast<int>(bytes.size());
    return Image(header.type == ImageType::jpeg ? gdImageCreateFromJpegPtrEx(size, data, 0)
                                                : gdImageCreateFromPngPtr(size, data));
}

// Where the pixel (x, y) of the upright image comes from in the stored one (w × h), for the
// EXIF orientations 1–8 (5–8 swap width and height).
void stored_position(int orientation, int w, int h, int x, int y, int& sx, int& sy) {
    switch (orientation) {
        case 2: sx = w - 1 - x; sy = y; break;          // mirrored
        case 3: sx = w - 1 - x; sy = h - 1 - y; break;  // upside down
        case 4: sx = x; sy = h - 1 - y; break;          // mirrored upside down
        case 5: sx = y; sy = x; break;                  // transposed
        case 6: sx = y; sy = h - 1 - x; break;          // stored lying on its left side: turn right
        case 7: sx = w - 1 - y; sy = h - 1 - x; break;  // transversed
        case 8: sx = w - 1 - y; sy = x; break;          // stored lying on its right side: turn left
        default: sx = x; sy = y; break;
    }
}

Image upright(const gdImagePtr stored, int orientation) {
    const int w = gdImageSX(stored), h = gdImageSY(stored);
    const bool turned = orientation >= 5;
    Image out(gdImageCreateTrueColor(turned ? h : w, turned ? w : h));
    if (!out) return out;
    for (int y = 0; y < gdImageSY(out.get()); ++y)
        for (int x = 0; x < gdImageSX(out.get()); ++x) {
            int sx = 0, sy = 0;
            stored_position(orientation, w, h, x, y, sx, sy);
            out->tpixels[y][x] = stored->tpixels[sy][sx];
        }
    return out;
}

ReencodedPhoto refused(PhotoProblem problem) {
    ReencodedPhoto r;
    r.problem = problem;
    return r;
}

}  // namespace

ReencodedPhoto reencode_photo(std::string_view bytes) {
    const auto header = read_image_header(bytes);
    if (!header) return refused(is_jpeg(bytes) || is_png(bytes) ? PhotoProblem::unreadable : PhotoProblem::not_an_image);
    if (header->width == 0 || header->height == 0) return refused(PhotoProblem::no_size);
    if (std::uint64_t{header->width} * header->height > kMaxPixels) return refused(PhotoProblem::too_many_pixels);
    if (!header->complete || bytes.size() > INT_MAX) return refused(PhotoProblem::unreadable);

    const Image stored = decode(*header, bytes);
    if (!stored) return refused(PhotoProblem::unreadable);
    const int w = gdImageSX(stored.get()), h = gdImageSY(stored.get());
    // The decoder's size must be the one checked (a later frame header cannot enlarge it).
    if (w <= 0 || h <= 0 || std::uint64_t(w) * std::uint64_t(h) > kMaxPixels) return refused(PhotoProblem::unreadable);

    const double scale = std::min(1.0, double(kMaxSide) / std::max(w, h));
    const int sw = std::max(1, int(std::lround(w * scale))), sh = std::max(1, int(std::lround(h * scale)));
    Image scaled(gdImageCreateTrueColor(sw, sh));
    if (!scaled) return refused(PhotoProblem::unreadable);
    // White under a transparent PNG (a JPEG has no transparency); the copy blends onto it.
    gdImageFilledRectangle(scaled.get(), 0, 0, sw - 1, sh - 1, gdTrueColor(255, 255, 255));
    gdImageAlphaBlending(scaled.get(), 1);
    gdImageCopyResampled(scaled.get(), stored.get(), 0, 0, 0, 0, sw, sh, w, h);

    Image out = header->orientation == 1 ? std::move(scaled) : upright(scaled.get(), header->orientation);
    if (!out) return refused(PhotoProblem::unreadable);
    int size = 0;
    void* jpeg = gdImageJpegPtr(out.get(), &size, kJpegQuality);
    if (!jpeg || size <= 0) {
        if (jpeg) gdFree(jpeg);
        return refused(PhotoProblem::unreadable);
    }
    ReencodedPhoto r;
    r.jpeg.assign(static_cast<const char*>(jpeg), static_cast<size_t>(size));
    gdFree(jpeg);
    r.width = gdImageSX(out.get());
    r.height = gdImageSY(out.get());
    return r;
}

std::string photo_problem_text(PhotoProblem problem, text::Lang lang) {
    const bool en = lang == text::Lang::en;
    switch (problem) {
        case PhotoProblem::none: return {};
        case PhotoProblem::not_an_image: return en ? "photo: not a JPEG or PNG image" : "photo: 這不是 JPEG 或 PNG 圖片";
        case PhotoProblem::no_size: return en ? "photo: the image has no size" : "photo: 這張圖片的寬或高為 0";
        case PhotoProblem::too_many_pixels:
            return en ? "photo: more than 40 megapixels; send a smaller photo" : "photo: 超過 4000 萬像素，請改傳較小的照片";
        case PhotoProblem::unreadable: return en ? "photo: the image could not be read" : "photo: 無法讀取這張圖片（檔案可能不完整）";
    }
    return {};
}

}  // namespace beitai::site::photo
