// The parts the staff forms are made of, written once: the CSRF field every form carries,
// the notice above a form, and a labelled field. A field's hint is tied to it with
// aria-describedby, so that a screen reader says it with the label.
#pragma once

#include <string>
#include <string_view>

namespace beitai::render {

std::string csrf_field(const std::string& csrf);

// A message above a form: an error says role=alert (read out at once), a success role=status.
std::string form_notice_html(std::string_view text, bool error);

// <div class="field"><label for=id>label</label><input id name value …></div>; `hint` is
// shown under the field, `attributes` are written as they are (" min=\"1\" max=\"8\"").
std::string field_html(const std::string& id, const std::string& name, std::string_view label, const std::string& value,
                       const char* type = "text", bool required = false, const std::string& hint = {},
                       const std::string& attributes = {});

}  // namespace beitai::render
