// A small recursive-descent reader of the WKT that TDX's cycling data uses:
//
//   [SRID=4326;] LINESTRING [Z] ( lon lat [z], lon lat [z], … )
//   [SRID=4326;] MULTILINESTRING [Z] ( ( lon lat, … ), ( … ), … )
//
// Keywords in any case, any whitespace between tokens. A third (Z) number is allowed and
// ignored, but every point of one text has the same number of coordinates. Refused, with
// "at character N: reason" (N counts characters from 1): EMPTY geometries, lines of fewer
// than 2 points, other SRIDs (a TWD97 text read as degrees would land in the sea),
// coordinates out of range, and anything after the closing parenthesis.

#include "geo/wkt.h"

#include <cstdlib>
#include <string>

namespace beitai::geo {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    Result<std::vector<Polyline>> parse() {
        std::vector<Polyline> lines;
        skip_space();
        if (!srid()) return fail();
        skip_space();
        const size_t keyword_at = pos_;
        const std::string keyword = word();
        if (keyword != "LINESTRING" && keyword != "MULTILINESTRING") {
            pos_ = keyword_at;
            return fail("expected LINESTRING or MULTILINESTRING, found " + describe_here());
        }
        if (!dimension()) return fail();
        if (keyword == "LINESTRING") {
            Polyline line;
            if (!line_text(line)) return fail();
            lines.push_back(std::move(line));
        } else {
            if (!expect('(')) return fail();
            do {
                Polyline line;
                if (!line_text(line)) return fail();
                lines.push_back(std::move(line));
            } while (accept(','));
            if (!expect(')')) return fail();
        }
        skip_space();
        if (pos_ < text_.size()) return fail("unexpected text after the geometry: " + describe_here());
        return lines;
    }

private:
    // -- errors -------------------------------------------------------------------------

    Error fail(const std::string& reason) {
        set_error(reason);
        return fail();
    }
    Error fail() const { return Error{error_}; }

    void set_error(const std::string& reason, size_t at) {
        // Everything before an error is ASCII (any other byte is itself an error), so the
        // byte offset is the character's.
        error_ = "at character " + std::to_string(at + 1) + ": " + reason;
    }
    void set_error(const std::string& reason) { set_error(reason, pos_); }

    std::string describe_here() const {
        if (pos_ >= text_.size()) return "the end of the text";
        const char c = text_[pos_];
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) return "a non-ASCII or control character";
        if (is_letter(c)) {
            size_t end = pos_;
            while (end < text_.size() && (is_letter(text_[end]) || is_digit(text_[end]) || text_[end] == '_')) ++end;
            return "\"" + std::string(text_.substr(pos_, std::min<size_t>(end - pos_, 30))) + "\"";
        }
        return std::string("'") + c + "'";
    }

    // -- tokens -------------------------------------------------------------------------

    void skip_space() {
        while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    }

    // A keyword, upper-cased; empty when none is here.
    std::string word() {
        std::string w;
        while (pos_ < text_.size() && is_letter(text_[pos_])) w += upper(text_[pos_++]);
        return w;
    }

    bool accept(char c) {
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    bool expect(char c) {
        if (accept(c)) return true;
        set_error(std::string("expected '") + c + "', found " + describe_here());
        return false;
    }

    // "SRID=4326;" or nothing.
    bool srid() {
        const size_t start = pos_;
        if (word() != "SRID") {
            pos_ = start;
            return true;
        }
        if (!expect('=')) return false;
        skip_space();
        const size_t number_at = pos_;
        std::string digits;
        while (pos_ < text_.size() && is_digit(text_[pos_])) digits += text_[pos_++];
        if (digits.empty()) {
            set_error("expected an SRID number, found " + describe_here());
            return false;
        }
        if (digits != "4326") {
            set_error("SRID " + digits + " is not supported; coordinates must be WGS84 degrees (SRID=4326)",
                      number_at);
            return false;
        }
        return expect(';');
    }

    // After the keyword: nothing, or Z. EMPTY and measured (M, ZM) geometries are refused.
    bool dimension() {
        skip_space();
        const size_t at = pos_;
        const std::string w = word();
        if (w.empty()) return true;
        if (w == "Z") {
            declared_z_ = true;
            skip_space();
            const size_t after = pos_;
            if (word() == "EMPTY") {
                set_error("empty geometry: a line needs at least 2 points", after);
                return false;
            }
            pos_ = after;
            return true;
        }
        if (w == "EMPTY") {
            set_error("empty geometry: a line needs at least 2 points", at);
            return false;
        }
        if (w == "M" || w == "ZM") {
            set_error("measured coordinates (" + w + ") are not supported", at);
            return false;
        }
        pos_ = at;
        set_error("expected '(' or Z, found " + describe_here());
        return false;
    }

    // ( point, point, … )
    bool line_text(Polyline& line) {
        skip_space();
        const size_t open_at = pos_;
        if (word() == "EMPTY") {
            set_error("empty line: a line needs at least 2 points", open_at);
            return false;
        }
        pos_ = open_at;
        if (!expect('(')) return false;
        do {
            LatLon p;
            if (!point(p)) return false;
            line.push_back(p);
        } while (accept(','));
        if (!expect(')')) return false;
        if (line.size() < 2) {
            set_error("a line needs at least 2 points, found " + std::to_string(line.size()), open_at);
            return false;
        }
        return true;
    }

    // lon lat [z]
    bool point(LatLon& p) {
        double values[3];
        size_t begin[3], end[3];
        size_t count = 0;
        skip_space();
        begin[0] = pos_;
        if (!number(values[0])) return false;
        end[0] = pos_;
        count = 1;
        while (count < 3) {
            // Coordinates are separated by whitespace; ',' or ')' ends the point.
            const size_t before = pos_;
            skip_space();
            if (pos_ >= text_.size() || text_[pos_] == ',' || text_[pos_] == ')') break;
            if (pos_ == before) {
                set_error("expected a space between coordinates, found " + describe_here());
                return false;
            }
            begin[count] = pos_;
            if (!number(values[count])) return false;
            end[count] = pos_;
            ++count;
        }
        if (count < 2) {
            set_error("expected a latitude after the longitude, found " + describe_here());
            return false;
        }
        if (dimensions_ == 0) dimensions_ = declared_z_ ? 3 : count;
        if (count != dimensions_) {
            set_error("expected " + std::to_string(dimensions_) + " coordinates per point" +
                          (declared_z_ ? std::string(" (Z was declared)") : std::string(" as in the first point")) +
                          ", found " + std::to_string(count),
                      begin[0]);
            return false;
        }
        p.lon = values[0];
        p.lat = values[1];
        if (!(p.lon >= -180 && p.lon <= 180)) {
            set_error("longitude " + std::string(text_.substr(begin[0], end[0] - begin[0])) + " out of range (-180..180)",
                      begin[0]);
            return false;
        }
        if (!(p.lat >= -90 && p.lat <= 90)) {
            set_error("latitude " + std::string(text_.substr(begin[1], end[1] - begin[1])) + " out of range (-90..90)",
                      begin[1]);
            return false;
        }
        return true;
    }

    // [+-] digits [. digits] [e [+-] digits], or [+-] . digits …; no inf, nan or hex.
    bool number(double& out) {
        skip_space();
        const size_t start = pos_;
        size_t i = pos_;
        if (i < text_.size() && (text_[i] == '+' || text_[i] == '-')) ++i;
        size_t digits = 0;
        while (i < text_.size() && is_digit(text_[i])) ++i, ++digits;
        if (i < text_.size() && text_[i] == '.') {
            ++i;
            while (i < text_.size() && is_digit(text_[i])) ++i, ++digits;
        }
        if (digits == 0) {
            set_error("expected a number, found " + describe_here());
            return false;
        }
        if (i < text_.size() && (text_[i] == 'e' || text_[i] == 'E')) {
            size_t j = i + 1;
            if (j < text_.size() && (text_[j] == '+' || text_[j] == '-')) ++j;
            size_t exp_digits = 0;
            while (j < text_.size() && is_digit(text_[j])) ++j, ++exp_digits;
            if (exp_digits == 0) {
                pos_ = j;
                set_error("expected the exponent's digits, found " + describe_here());
                return false;
            }
            i = j;
        }
        const std::string token(text_.substr(start, i - start));
        out = std::strtod(token.c_str(), nullptr);
        pos_ = i;
        return true;
    }

    std::string_view text_;
    size_t pos_ = 0;
    std::string error_;
    bool declared_z_ = false;
    size_t dimensions_ = 0;  // coordinates per point, fixed by the first point
};

}  // namespace

Result<std::vector<Polyline>> parse_wkt_lines(std::string_view wkt) { return Parser(wkt).parse(); }

}  // namespace beitai::geo
