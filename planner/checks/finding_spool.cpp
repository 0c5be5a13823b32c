#include "planner/checks/finding_spool.hpp"

#include "planner/core/errors.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include <unistd.h>

namespace planner {

namespace {

void put_size(std::string& out, size_t value) {
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

void put_text(std::string& out, const std::string& text) {
    put_size(out, text.size());
    out += text;
}

class Unpacker {
public:
    explicit Unpacker(std::string_view bytes) : m_bytes(bytes) {}
    size_t size() {
        size_t value = 0;
        for (int shift = 0; m_at < m_bytes.size(); shift += 7) {
            const auto byte = static_cast<unsigned char>(m_bytes[m_at++]);
            value |= static_cast<size_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0)
                return value;
        }
        throw InternalError("a kept finding is cut short");
    }
    std::string text() {
        const size_t length = size();
        if (length > m_bytes.size() - m_at)
            throw InternalError("a kept finding is cut short");
        std::string out(m_bytes.substr(m_at, length));
        m_at += length;
        return out;
    }

private:
    std::string_view m_bytes;
    size_t m_at = 0;
};

std::string tmpdir_advice() {
    return "free some disk space there, or set TMPDIR to a directory with room (a plan of a "
           "million people needs about a gigabyte)";
}

} // namespace

FindingSpool::FindingSpool(size_t memory_limit) : m_memory_limit(memory_limit) {}

FindingSpool::~FindingSpool() {
    if (m_file != nullptr)
        std::fclose(m_file);
}

void FindingSpool::add(const Finding& finding) {
    Key key;
    key.severity = finding.severity;
    auto known = std::find(m_checks.begin(), m_checks.end(), finding.check);
    if (known == m_checks.end()) {
        if (m_checks.size() >= std::numeric_limits<std::uint16_t>::max())
            throw InternalError("too many distinct checks in one report");
        m_checks.push_back(finding.check);
        known = m_checks.end() - 1;
    }
    key.check = static_cast<std::uint16_t>(known - m_checks.begin());
    const std::string_view subject =
        std::string_view(finding.subject).substr(0, std::numeric_limits<std::uint16_t>::max());
    if (m_subjects.empty() || m_subjects.back().size() + subject.size() > k_subject_chunk) {
        m_subjects.emplace_back();
        m_subjects.back().reserve(std::max(k_subject_chunk, subject.size()));
    }
    const size_t position = (m_subjects.size() - 1) * k_subject_chunk + m_subjects.back().size();
    if (position > std::numeric_limits<std::uint32_t>::max())
        throw InternalError("the findings' subjects run past 4 GB");
    key.subject = static_cast<std::uint32_t>(position);
    key.subject_length = static_cast<std::uint16_t>(subject.size());
    m_subjects.back() += subject;

    m_packed.clear();
    put_text(m_packed, finding.message);
    put_size(m_packed, finding.evidence.size());
    for (const auto& [name, value] : finding.evidence) {
        put_text(m_packed, name);
        put_text(m_packed, value);
    }
    put_text(m_packed, finding.recommendation);
    if (m_packed.size() > std::numeric_limits<std::uint32_t>::max())
        throw InternalError("a finding is too long to keep");
    // To the file first when these bytes would take the memory past its limit: the buffer
    // grows to the limit's size at most (unless one finding is larger).
    if (!m_bytes.empty() && m_bytes.size() + m_packed.size() > m_memory_limit)
        spill();
    const size_t needed = m_bytes.size() + m_packed.size();
    if (needed > m_bytes.capacity())
        m_bytes.reserve(std::max(needed, std::min(m_memory_limit, 2 * m_bytes.capacity())));
    key.offset = m_bytes_start + m_bytes.size();
    key.length = static_cast<std::uint32_t>(m_packed.size());
    m_bytes += m_packed;
    m_keys.push_back(key);
}

std::string_view FindingSpool::subject(size_t index) const {
    const Key& key = m_keys[index];
    return std::string_view(m_subjects[key.subject / k_subject_chunk])
        .substr(key.subject % k_subject_chunk, key.subject_length);
}

void FindingSpool::spill() {
    if (m_file == nullptr) {
        m_file = std::tmpfile();
        if (m_file == nullptr)
            throw OutputError("cannot make a temporary file for the findings of this plan (" +
                              std::string(std::strerror(errno)) + "); " + tmpdir_advice());
    }
    if (std::fwrite(m_bytes.data(), 1, m_bytes.size(), m_file) != m_bytes.size() ||
        std::fflush(m_file) != 0)
        throw OutputError("cannot write the findings of this plan to a temporary file (" +
                          std::string(std::strerror(errno)) + "); " + tmpdir_advice());
    m_bytes_start += m_bytes.size();
    m_bytes.clear();
}

Finding FindingSpool::get(size_t index) const {
    const Key& key = m_keys.at(index);
    std::string from_file;
    std::string_view bytes;
    if (key.offset >= m_bytes_start) {
        bytes = std::string_view(m_bytes).substr(static_cast<size_t>(key.offset - m_bytes_start),
                                                 key.length);
    } else {
        from_file.resize(key.length);
        size_t done = 0;
        while (done < key.length) {
            const ssize_t got = ::pread(fileno(m_file), from_file.data() + done, key.length - done,
                                        static_cast<off_t>(key.offset + done));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                throw OutputError("cannot read the findings of this plan back from their "
                                  "temporary file (" +
                                  std::string(got < 0 ? std::strerror(errno) : "cut short") + ")");
            done += static_cast<size_t>(got);
        }
        bytes = from_file;
    }
    Finding finding;
    finding.check = m_checks[key.check];
    finding.severity = key.severity;
    finding.subject = std::string(subject(index));
    Unpacker in(bytes);
    finding.message = in.text();
    const size_t evidence = in.size();
    finding.evidence.reserve(std::min<size_t>(evidence, 64));
    for (size_t i = 0; i < evidence; ++i) {
        std::string name = in.text();
        finding.evidence.emplace_back(std::move(name), in.text());
    }
    finding.recommendation = in.text();
    return finding;
}

} // namespace planner
