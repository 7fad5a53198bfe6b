#include "http/multipart.h"

#include <cctype>

namespace beitai::site {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// RFC 2046's bcharsnospace, and the space (never last).
bool boundary_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

// Reads `name=value` parameters after a header's first token, as Content-Type and
// Content-Disposition write them: `; name=token` or `; name="quoted \"string\""`.
// Calls each(name lower-cased, value); false stops with that error.
template <class Each>
Status read_parameters(std::string_view s, Each each) {
    size_t pos = 0;
    while (pos < s.size()) {
        while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == ';')) ++pos;
        if (pos >= s.size()) break;
        const size_t eq = s.find('=', pos);
        if (eq == std::string_view::npos) return Error{"a parameter without a value"};
        const std::string name = lower(trim(s.substr(pos, eq - pos)));
        pos = eq + 1;
        std::string value;
        if (pos < s.size() && s[pos] == '"') {
            bool closed = false;
            for (++pos; pos < s.size(); ++pos) {
                if (s[pos] == '\\' && pos + 1 < s.size()) {
                    value += s[++pos];
                } else if (s[pos] == '"') {
                    closed = true;
                    ++pos;
                    break;
                } else {
                    value += s[pos];
                }
            }
            if (!closed) return Error{"parameter " + name + ": no closing quote"};
        } else {
            const size_t end = s.find(';', pos);
            value = std::string(trim(s.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos)));
            pos = end == std::string_view::npos ? s.size() : end;
        }
        if (auto r = each(name, value); !r) return r;
    }
    return ok_status();
}

Status read_disposition(std::string_view value, FormPart& part) {
    const size_t semicolon = value.find(';');
    if (lower(trim(value.substr(0, semicolon))) != "form-data")
        return Error{"request body: a part's Content-Disposition is not form-data"};
    if (semicolon == std::string_view::npos) return Error{"request body: a part has no name"};
    bool named = false;
    auto read = read_parameters(value.substr(semicolon + 1), [&](const std::string& name, const std::string& v) -> Status {
        if (name == "name") {
            if (named) return Error{"the name is given twice"};
            named = true;
            part.name = v;
        } else if (name == "filename") {
            if (part.is_file) return Error{"the filename is given twice"};
            part.is_file = true;
            part.filename = v;
        }
        return ok_status();  // other parameters (filename*, which RFC 7578 forbids) are ignored
    });
    if (!read) return Error{"request body: a part's Content-Disposition: " + read.error()};
    if (!named || part.name.empty()) return Error{"request body: a part has no name"};
    return ok_status();
}

}  // namespace

Result<std::string> multipart_boundary(std::string_view content_type) {
    const size_t semicolon = content_type.find(';');
    if (lower(trim(content_type.substr(0, semicolon))) != "multipart/form-data")
        return Error{"request body: expected multipart/form-data"};
    std::string boundary;
    bool found = false;
    if (semicolon != std::string_view::npos) {
        auto read = read_parameters(content_type.substr(semicolon + 1), [&](const std::string& name, const std::string& v) -> Status {
            if (name != "boundary") return ok_status();
            if (found) return Error{"the boundary is given twice"};
            found = true;
            boundary = v;
            return ok_status();
        });
        if (!read) return Error{"request body: Content-Type: " + read.error()};
    }
    if (!found) return Error{"request body: the Content-Type names no multipart boundary"};
    bool valid = !boundary.empty() && boundary.size() <= 70 && boundary.back() != ' ';
    for (char c : boundary) valid = valid && boundary_char(c);
    if (!valid) return Error{"request body: the multipart boundary is not 1–70 of the characters RFC 2046 allows"};
    return boundary;
}

Result<std::vector<FormPart>> read_multipart(std::string_view content_type, std::string_view body,
                                             const MultipartLimits& limits) {
    auto boundary = multipart_boundary(content_type);
    if (!boundary) return Error{boundary.error()};
    const std::string delimiter = "--" + *boundary;
    const std::string next_delimiter = "\r\n" + delimiter;
    if (body.substr(0, delimiter.size()) != delimiter) return Error{"request body: does not begin with the multipart boundary"};
    size_t pos = delimiter.size();
    std::vector<FormPart> parts;
    for (;;) {
        // After a delimiter: "--" closes the body (what follows is the epilogue), CRLF opens a part.
        if (body.substr(pos, 2) == "--") return parts;
        if (body.substr(pos, 2) != "\r\n") return Error{"request body: a multipart boundary line goes on after the boundary"};
        pos += 2;
        if (parts.size() == limits.max_parts)
            return Error{"request body: more than " + std::to_string(limits.max_parts) + " parts"};

        FormPart part;
        bool has_disposition = false;
        for (size_t headers = 0;; ++headers) {
            // Looked for within the longest line allowed, so a huge line is not scanned whole.
            const std::string_view window = body.substr(pos, limits.max_header_line + 2);
            const size_t eol = window.find("\r\n");
            if (eol == std::string_view::npos) {
                if (window.size() == limits.max_header_line + 2)
                    return Error{"request body: a part's header line is longer than " + std::to_string(limits.max_header_line) + " bytes"};
                return Error{"request body: a part's headers are cut short (no closing boundary)"};
            }
            const std::string_view line = window.substr(0, eol);
            pos += eol + 2;
            if (line.empty()) break;
            if (headers == limits.max_headers)
                return Error{"request body: a part has more than " + std::to_string(limits.max_headers) + " header lines"};
            const size_t colon = line.find(':');
            if (colon == std::string_view::npos) return Error{"request body: a part's header line has no colon"};
            const std::string name = lower(trim(line.substr(0, colon)));
            const std::string_view value = trim(line.substr(colon + 1));
            if (name == "content-disposition") {
                if (has_disposition) return Error{"request body: a part has two Content-Disposition headers"};
                has_disposition = true;
                if (auto s = read_disposition(value, part); !s) return Error{s.error()};
            } else if (name == "content-type") {
                part.content_type = lower(value);
            }  // other headers (Content-Transfer-Encoding, which RFC 7578 deprecates) are ignored
        }
        if (!has_disposition) return Error{"request body: a part has no Content-Disposition"};
        const size_t end = body.find(next_delimiter, pos);
        if (end == std::string_view::npos) return Error{part.name + ": cut short (no closing multipart boundary)"};
        part.body = body.substr(pos, end - pos);
        if (find_part(parts, part.name)) return Error{part.name + ": sent twice"};
        parts.push_back(std::move(part));
        pos = end + next_delimiter.size();
    }
}

const FormPart* find_part(const std::vector<FormPart>& parts, std::string_view name) {
    for (const auto& p : parts)
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace beitai::site
