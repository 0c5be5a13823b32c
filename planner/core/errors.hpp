#pragma once
// The errors that end a run, for every front end. Each says what went wrong in the user's
// words; the front end prints it (the command line as "planner: error: MESSAGE", preceded by
// the detail lines) and ends with the error's exit status.
//
//   UsageError      the command or request was given wrongly              exit 2
//   InputError      a file's content is wrong; lines are FILE:LINE:COLUMN  exit 2
//   WorkspaceError  a workspace is damaged, locked, foreign or too new     exit 2
//   OutputError     an output could not be written                         exit 2
//   InternalError   a bug in planner                                       exit 70
//
// Library errors (SQLite, libharu, Poco) are converted to these at the edge.

#include <stdexcept>
#include <string>
#include <vector>

namespace planner {

// Exit statuses, as PRODUCT.md promises them (70 is EX_SOFTWARE of sysexits.h).
inline constexpr int k_exit_success = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_user_error = 2;
inline constexpr int k_exit_internal_error = 70;

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, std::vector<std::string> details = {})
        : std::runtime_error(message), m_details(std::move(details)) {}
    virtual int exit_status() const { return k_exit_user_error; }
    // Lines printed before the message, e.g. one "FILE:LINE:COLUMN: message" per problem.
    const std::vector<std::string>& details() const { return m_details; }

private:
    std::vector<std::string> m_details;
};

class UsageError : public Error {
public:
    using Error::Error;
};

class InputError : public Error {
public:
    InputError(const std::string& summary, std::vector<std::string> lines)
        : Error(summary, std::move(lines)) {}
    const std::vector<std::string>& lines() const { return details(); }
};

class WorkspaceError : public Error {
public:
    using Error::Error;
};

class OutputError : public Error {
public:
    using Error::Error;
};

class InternalError : public Error {
public:
    using Error::Error;
    int exit_status() const override { return k_exit_internal_error; }
};

// The sentence that follows an internal error's message.
inline constexpr const char* k_internal_error_hint =
    "this is a bug in planner; please report it with the command you ran";

} // namespace planner
