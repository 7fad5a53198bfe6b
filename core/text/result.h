// Result<T>: a value or an error message, the way core/ reports failure across module
// borders (C++17 has no std::expected). Errors are plain text meant for a person:
// they name what was wrong and where ("content/proposals/112.json: [17].status: …").
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace beitai {

struct Error {
    std::string message;
};

template <class T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error error) : error_(std::move(error.message)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *value_; }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T& operator*() const& { return *value_; }
    T& operator*() & { return *value_; }
    const T* operator->() const { return &*value_; }
    T* operator->() { return &*value_; }

    const std::string& error() const { return error_; }

private:
    std::optional<T> value_;
    std::string error_;
};

// For operations that return nothing but may fail.
struct Done {};
using Status = Result<Done>;

inline Status ok_status() { return Done{}; }

}  // namespace beitai
