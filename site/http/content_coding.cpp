#include "http/content_coding.h"

#include "http/field_values.h"

#include <zlib.h>

#include <cctype>
#include <cstdlib>
#include <optional>
#include <stdexcept>

namespace beitai::site {

namespace {

constexpr double kLeastWanted = 0.001;  // the smallest weight a q-value can give

// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); anything else is 0.
double q_value(std::string_view text) {
    text = trim_ows(text);
    if (text.empty() || text.size() > 5 || (text[0] != '0' && text[0] != '1')) return 0;
    if (text.size() > 1 && text[1] != '.') return 0;
    double q = text[0] - '0', scale = 0.1;
    for (std::size_t i = 2; i < text.size(); ++i, scale /= 10) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return 0;
        q += (text[i] - '0') * scale;
    }
    return q > 1 ? 0 : q;
}

}  // namespace

AcceptedCodings parse_accept_encoding(std::string_view header, bool present) {
    AcceptedCodings out;
    if (!present) return out;
    std::optional<double> br, gzip, identity, any;
    std::size_t start = 0;
    while (start <= header.size()) {
        const std::size_t comma = header.find(',', start);
        std::string_view item = header.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        start = comma == std::string_view::npos ? header.size() + 1 : comma + 1;
        const std::size_t semi = item.find(';');
        const std::string_view coding = trim_ows(item.substr(0, semi));
        if (coding.empty()) continue;
        double q = 1;
        for (std::size_t p = semi; p != std::string_view::npos;) {
            const std::size_t next = item.find(';', p + 1);
            const std::string_view param = trim_ows(item.substr(p + 1, next == std::string_view::npos ? std::string_view::npos : next - p - 1));
            if (!param.empty() && (param[0] == 'q' || param[0] == 'Q')) {
                const std::string_view rest = trim_ows(param.substr(1));
                if (!rest.empty() && rest[0] == '=') q = q_value(rest.substr(1));
            }
            p = next;
        }
        if (iequals(coding, "br")) br = q;
        else if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) gzip = q;
        else if (iequals(coding, "identity")) identity = q;
        else if (coding == "*") any = q;
    }
    out.br = br.value_or(any.value_or(0));
    out.gzip = gzip.value_or(any.value_or(0));
    // identity is acceptable unless refused by name, or by "*;q=0" without naming it; not
    // named, it is the least wanted of the acceptable ("gzip;q=0.5" asks for gzip).
    out.identity = identity.value_or(any.value_or(kLeastWanted));
    return out;
}

AcceptedCodings accepted_codings(const Request& request) {
    for (const auto& [name, value] : request.headers)
        if (name == "accept-encoding") return parse_accept_encoding(value);
    return parse_accept_encoding("", false);
}

Coding choose_coding(const AcceptedCodings& accepted, bool have_br, bool have_gzip) {
    Coding best = Coding::identity;
    double weight = accepted.identity;
    if (have_gzip && accepted.gzip > 0 && accepted.gzip >= weight) best = Coding::gzip, weight = accepted.gzip;
    if (have_br && accepted.br > 0 && accepted.br >= weight) best = Coding::br;
    return best;
}

const char* coding_name(Coding coding) {
    switch (coding) {
        case Coding::br: return "br";
        case Coding::gzip: return "gzip";
        case Coding::identity: return "";
    }
    return "";
}

const char* coding_suffix(Coding coding) { return coding == Coding::gzip ? "gz" : coding_name(coding); }

bool is_compressible(std::string_view type) {
    type = type.substr(0, type.find(';'));
    if (type == "text/event-stream") return false;  // each event must leave at once
    for (const char* prefix : {"text/", "application/json", "application/javascript", "application/wasm",
                               "application/xml", "application/atom+xml", "application/geo+json", "application/manifest+json",
                               "image/svg+xml", "font/otf", "font/ttf"})
        if (type.rfind(prefix, 0) == 0) return true;
    return false;
}

std::string gzip_bytes(std::string_view bytes, int level) {
    z_stream z{};
    // windowBits 15 + 16: a gzip header and trailer rather than zlib's.
    if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2 failed");
    std::string out(deflateBound(&z, bytes.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (status != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
    return out;
}

}  // namespace beitai::site
